import { Global, Module } from '@nestjs/common';
import { GlobalSettingsService } from './global-settings.service.js';

@Global()
@Module({ providers: [GlobalSettingsService], exports: [GlobalSettingsService] })
export class SettingsModule {}
