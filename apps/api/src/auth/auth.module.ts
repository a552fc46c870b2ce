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
import { PasskeyAssertions } from './passkeys/passkey-assertions.js';
import { PasskeyChallenges } from './passkeys/passkey-challenges.js';
import { PasskeySignInService } from './passkeys/passkey-sign-in.service.js';
import { PasskeysController } from './passkeys/passkeys.controller.js';
import { PasskeysService } from './passkeys/passkeys.service.js';
import { RelyingParty } from './passkeys/relying-party.js';

/**
 * Sign-in (password, then TOTP, a recovery code or a passkey; or a passkey alone), passkeys, the user's sessions, step-up, TOTP enrollment
 * and the password change. Sessions themselves and the global guard are in SessionModule.
 */
@Module({
  imports: [PasswordPolicyModule, AppPasswordsModule],
  controllers: [SignInController, AccountSessionsController, TotpController, PasswordController, PasskeysController],
  providers: [
    PasswordHasher,
    SignInService,
    StepUpService,
    TotpCodes,
    RecoveryCodes,
    TotpService,
    AccountSessionsService,
    PasswordChangeService,
    RelyingParty,
    PasskeyChallenges,
    PasskeyAssertions,
    PasskeysService,
    PasskeySignInService,
  ],
  exports: [TotpService, TotpCodes, RecoveryCodes, PasskeysService, PasswordPolicyModule],
})
export class AuthModule {}
