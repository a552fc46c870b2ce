import { defineErrorCodes } from '../common/error-codes.js';

export const SessionErrors = defineErrorCodes({
  // Thrown when the session cookie is missing, unknown, revoked, idle too long or past its lifetime.
  SESSION_EXPIRED: { status: 401, message: 'Your session has ended. Please sign in again.' },
  // Thrown when an action needs a fresh confirmation (password or 2FA code) and none was given recently.
  STEP_UP_REQUIRED: { status: 403, message: 'Please confirm it is you before doing this.' },
  // Thrown when a staff account without a strong second factor (TOTP or a passkey) tries to reach
  // the support or admin panel.
  STAFF_TOTP_REQUIRED: { status: 403, message: 'Staff accounts must set up two-factor authentication first.' },
  // Thrown when an admin requires passkeys for staff and this staff session was not confirmed with
  // one (sign-in or step-up with a passkey).
  STAFF_PASSKEY_REQUIRED: { status: 403, message: 'Staff must confirm with a passkey to use the panel.' },
  // Thrown when the signed-in account has been disabled by support.
  ACCOUNT_DISABLED: { status: 403, message: 'This account is disabled. Please contact support.' },
});
