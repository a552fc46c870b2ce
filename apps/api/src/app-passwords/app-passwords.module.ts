import { Module } from '@nestjs/common';
import { AppPasswordsService } from './app-passwords.service.js';

// Interim module from the admin branch; the portal branch's module replaces it at merge.
@Module({ providers: [AppPasswordsService], exports: [AppPasswordsService] })
export class AppPasswordsModule {}
