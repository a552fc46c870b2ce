import { z } from 'zod';

/**
 * Why a mail login was allowed or refused. Mail-auth writes one of these into every login attempt;
 * the portal (activity) and the staff panel (diagnosis) translate them into plain language.
 * A plain `as const` list so that the portal and mail branches can both extend it without conflict.
 */
export const MAIL_AUTH_REASONS = [
  // The login was allowed.
  'OK',
  // Generic refusal; the only reason a mail client sees before the credential is proven valid.
  'AUTH_FAILED',
  // No account with this login name.
  'USER_UNKNOWN',
  // The account password was wrong.
  'PASSWORD_WRONG',
  // No app password of this user matched.
  'APP_PASSWORD_WRONG',
  // The account is disabled by support.
  'ACCOUNT_DISABLED',
  // The protocol is switched off for this account.
  'PROTOCOL_DISABLED',
  // The protocol was switched on for a limited time, and that time is over.
  'PROTOCOL_EXPIRED',
  // A plaintext (non-TLS) login while TLS is required.
  'TLS_REQUIRED',
  // The account password was used in a mail program while 2FA is on, or the admin setting forbids it.
  'MAIN_PASSWORD_NOT_ALLOWED',
  // The app password is valid but not allowed for this protocol.
  'APP_PASSWORD_SCOPE',
  // The app password has passed its expiry date.
  'APP_PASSWORD_EXPIRED',
  // The app password was revoked.
  'APP_PASSWORD_REVOKED',
  // Too many failures from this client IP for this user: the pair is locked for a while.
  'LOCKED_USER_IP',
  // Too many failures from this client IP across users: the IP is locked for a while.
  'LOCKED_IP',
  // Too many failed account-password attempts for this user from unfamiliar IPs.
  'LOCKED_ACCOUNT',
  // Too many requests in a short time.
  'RATE_LIMITED',
  // The mail server sent a malformed request.
  'INVALID_REQUEST',
  // Mailgate could not decide (database unreachable, timeout); the mail server must refuse.
  'TEMPFAIL',
] as const;

export const ZMailAuthReason = z.enum(MAIL_AUTH_REASONS);
export type MailAuthReason = z.infer<typeof ZMailAuthReason>;
/** Alias used by the ownership brief; the same catalogue. */
export type MailAuthDenyReason = Exclude<MailAuthReason, 'OK'>;
