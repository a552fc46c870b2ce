import { Global, Module } from '@nestjs/common';
import { SecurityMailService } from './security-mail.service.js';
import { SecurityNoticesService } from './security-notices.service.js';

@Global()
@Module({ providers: [SecurityMailService, SecurityNoticesService], exports: [SecurityNoticesService] })
export class NoticesModule {}
