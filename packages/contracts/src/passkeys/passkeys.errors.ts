import { defineErrorCodes } from '../common/error-codes.js';

export const PasskeyErrors = defineErrorCodes({
  // Thrown when a passkey response names a challenge that was never issued, has expired (2
  // minutes), was already used, or was issued to another session or browser.
  PASSKEY_CHALLENGE_INVALID: { status: 400, message: 'That passkey request has expired. Please try again.' },
  // Thrown when a new passkey's registration does not verify: wrong origin or site, no user
  // verification (PIN, fingerprint, face), an unsupported key type, or a malformed response.
  PASSKEY_REGISTRATION_FAILED: { status: 400, message: 'The passkey could not be added. Please try again.' },
  // Thrown when a passkey used to sign in or to confirm it is you does not verify: unknown or
  // removed passkey, wrong origin, no user verification, a reused or cloned signature, or one
  // belonging to another account than the sign-in in progress.
  PASSKEY_NOT_ACCEPTED: { status: 401, message: 'That passkey was not accepted.' },
  // Thrown when the authenticator offers a passkey that is already registered.
  PASSKEY_ALREADY_REGISTERED: { status: 409, message: 'This passkey is already registered.' },
  // Thrown when a user who already has the maximum number of passkeys adds another.
  PASSKEY_LIMIT_REACHED: { status: 409, message: 'You have reached the maximum number of passkeys. Remove one first.' },
});

export type PasskeyErrorCode = keyof typeof PasskeyErrors;
