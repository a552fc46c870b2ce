import { Module } from '@nestjs/common';
import { ForgotPasswordService } from './forgot-password.service.js';
import { RecoveryAddressService } from './recovery-address.service.js';
import { RecoveryController } from './recovery.controller.js';
import { ResetLinkIssuer } from './reset-link-issuer.js';

/**
 * Account recovery: the user's recovery address (`/api/account/recovery-address`, its public
 * confirmation) and "forgot password" from the sign-in page. Links are redeemed by the one
 * redemption in admin/password-reset; ResetLinkIssuer is shared with the staff panel.
 */
@Module({
  controllers: [RecoveryController],
  providers: [ResetLinkIssuer, RecoveryAddressService, ForgotPasswordService],
  exports: [ResetLinkIssuer],
})
export class RecoveryModule {}
