import { Module } from '@nestjs/common';
import { AppPasswordsModule } from '../app-passwords/app-passwords.module.js';
import { PasswordPolicyModule } from '../password-policy/password-policy.module.js';
import { AccountSessionsController } from './account-sessions.controller.js';
import { AccountSessionsService } from './account-sessions.service.js';
import { PasswordChangeService } from './password-change.service.js';
import { PasswordHasher } from './password-hasher.js';
import { PasswordController } from './password.controller.js';
import { RecoveryCodes } from './recovery-codes.js';
import { SignInController } from './sign-in.controller.js';
import { SignInService } from './sign-in.service.js';
import { StepUpService } from './step-up.service.js';
import { TotpCodes } from './totp-codes.js';
import { TotpController } from './totp.controller.js';
import { TotpService } from './totp.service.js';

/**
 * Sign-in (password, then TOTP or a recovery code), the user's sessions, step-up, TOTP enrollment
 * and the password change. Sessions themselves and the global guard are in SessionModule.
 */
@Module({
  imports: [PasswordPolicyModule, AppPasswordsModule],
  controllers: [SignInController, AccountSessionsController, TotpController, PasswordController],
  providers: [
    PasswordHasher,
    SignInService,
    StepUpService,
    TotpCodes,
    RecoveryCodes,
    TotpService,
    AccountSessionsService,
    PasswordChangeService,
  ],
  exports: [TotpService, TotpCodes, RecoveryCodes, PasswordPolicyModule],
})
export class AuthModule {}
