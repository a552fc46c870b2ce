import { z } from 'zod';

/**
 * Why a mail login was allowed or refused. The catalogue is shared: the mail-auth API records it
 * on every login attempt and returns it to the mail server (for its log only), the portal's
 * activity page and the support panel translate it by code. `OK` is the reason of an allow.
 *
 * Only the mail server sees a reason; the mail client is always told "authentication failed".
 */
export const MAIL_AUTH_REASONS = [
  'OK',
  // The credential did not match (kept generic where revealing more would help an attacker).
  'AUTH_FAILED',
  // No account with this login exists.
  'USER_UNKNOWN',
  // The account exists but the main password was wrong.
  'PASSWORD_WRONG',
  // The secret looked like an app password but matched none of the user's app passwords.
  'APP_PASSWORD_WRONG',
  // Support disabled the account.
  'ACCOUNT_DISABLED',
  // The user has not turned this protocol on.
  'PROTOCOL_DISABLED',
  // The protocol was turned on for a limited time, and that time is over.
  'PROTOCOL_EXPIRED',
  // The login was not protected by TLS, and TLS is required.
  'TLS_REQUIRED',
  // The main password was used while 2FA is on (or the admin forbids it): an app password is needed.
  'MAIN_PASSWORD_NOT_ALLOWED',
  // The app password is not allowed for this protocol.
  'APP_PASSWORD_SCOPE',
  // The app password has passed its expiry date.
  'APP_PASSWORD_EXPIRED',
  // The app password was revoked.
  'APP_PASSWORD_REVOKED',
  // Too many failures for this user from this client address: locked for a while.
  'LOCKED_USER_IP',
  // Too many failures from this client address (or IPv6 /64) across users: locked for a while.
  'LOCKED_IP',
  // Too many failed main-password attempts for this account from unfamiliar addresses.
  'LOCKED_ACCOUNT',
  // The mail server sent a request that breaks the contract (recorded, answered with 400).
  'INVALID_REQUEST',
  // Mailgate could not decide (database unreachable or too slow): the mail server must retry later.
  'TEMPFAIL',
] as const;

export const ZMailAuthReason = z.enum(MAIL_AUTH_REASONS).meta({ id: 'MailAuthReason' });
export type MailAuthReason = z.infer<typeof ZMailAuthReason>;
/** Every reason except `OK`. */
export type MailAuthDenyReason = Exclude<MailAuthReason, 'OK'>;
