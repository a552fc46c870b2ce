import { Module } from '@nestjs/common';
import { ProtocolAccessService } from './protocol-access.service.js';

// Interim module from the admin branch; the portal branch's module replaces it at merge.
@Module({ providers: [ProtocolAccessService], exports: [ProtocolAccessService] })
export class ProtocolAccessModule {}
