import { Module } from '@nestjs/common';
import { ProtocolAccessController } from './protocol-access.controller.js';
import { ProtocolAccessService } from './protocol-access.service.js';
import { ProtocolExpiryJob } from './protocol-expiry.job.js';
import { ServerSettingsService } from './server-settings.service.js';

@Module({
  controllers: [ProtocolAccessController],
  providers: [ProtocolAccessService, ServerSettingsService, ProtocolExpiryJob],
  exports: [ProtocolAccessService, ServerSettingsService],
})
export class ProtocolAccessModule {}
