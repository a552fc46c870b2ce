import { Global, Module } from '@nestjs/common';
import { SecurityNoticesService } from './security-notices.service.js';

@Global()
@Module({ providers: [SecurityNoticesService], exports: [SecurityNoticesService] })
export class NoticesModule {}
