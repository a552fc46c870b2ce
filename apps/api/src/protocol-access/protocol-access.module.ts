import { Module } from '@nestjs/common';
import { ProtocolAccessController } from './protocol-access.controller.js';
import { ProtocolAccessService } from './protocol-access.service.js';
import { ServerSettingsService } from './server-settings.service.js';

@Module({
  controllers: [ProtocolAccessController],
  providers: [ProtocolAccessService, ServerSettingsService],
  exports: [ProtocolAccessService, ServerSettingsService],
})
export class ProtocolAccessModule {}
