import { defineErrorCodes } from '../common/error-codes.js';

export const AuthErrors = defineErrorCodes({
  // Thrown when the e-mail address is unknown or the password is wrong. One answer for both, so
  // nobody can find out which addresses have an account.
  INVALID_CREDENTIALS: { status: 401, message: 'The e-mail address or the password is not correct.' },
  // Thrown when a TOTP or recovery code is sent but no sign-in is waiting for one (none started,
  // or the pending sign-in is older than a few minutes).
  SIGN_IN_PENDING_EXPIRED: { status: 401, message: 'Your sign-in took too long. Please start again.' },
  // Thrown when the 2FA code at sign-in is wrong, expired or was already used.
  TOTP_CODE_INVALID: { status: 401, message: 'The code is not correct or has already been used.' },
  // Thrown when a recovery code at sign-in is unknown or was already used.
  RECOVERY_CODE_INVALID: { status: 401, message: 'The recovery code is not correct or has already been used.' },
  // Thrown when the password or code given to confirm it is you (step-up) is wrong.
  STEP_UP_FAILED: { status: 403, message: 'That did not match. Please try again.' },
  // Thrown when a step-up is attempted with the password while 2FA is on: only a code will do.
  STEP_UP_TOTP_REQUIRED: {
    status: 400,
    message: 'Two-factor authentication is on: confirm with a code from your app.',
  },
  // Thrown when a step-up is attempted with a password or code while passkeys are the account's
  // only strong factor: only a passkey will do.
  STEP_UP_PASSKEY_REQUIRED: { status: 400, message: 'Confirm with one of your passkeys.' },
  // Thrown when a step-up is attempted with a code while 2FA is off.
  STEP_UP_PASSWORD_REQUIRED: { status: 400, message: 'Confirm with your password.' },
});

export type AuthErrorCode = keyof typeof AuthErrors;
