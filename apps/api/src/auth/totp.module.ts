import { Module } from '@nestjs/common';
import { TotpService } from './totp.service.js';

// Interim module from the admin branch; the portal branch provides TotpService in its auth module.
@Module({ providers: [TotpService], exports: [TotpService] })
export class TotpModule {}
