// The contracts' value lists, without zod: the one place each list is written. The schemas build
// their enums from them, and the SPA imports them from `@mailgate/contracts/values`, which keeps
// zod out of its first page (the bundle budget test fails if zod gets in). Nothing here may import
// zod or a schema.

export const PROTOCOLS = ['IMAP', 'POP3', 'SMTP'] as const;

export const ROLES = ['USER', 'SUPPORT', 'ADMIN'] as const;

/** How the staff user search matches its term; `auto` picks one from the term's shape. */
export const USER_SEARCH_MATCHES = ['auto', 'exact', 'prefix', 'substring'] as const;

/** How long a protocol the user turns on stays on. */
export const ACCESS_DURATIONS = ['unlimited', '1d', '7d', '30d'] as const;

/**
 * Sent instead of a duration when the user changed another option only: the time limit in force
 * (or its absence) stays exactly as it is. Not a choice the forms offer, so not in ACCESS_DURATIONS.
 */
export const KEEP_CURRENT_LIMIT = 'keep' as const;

/** When a new app password stops working. */
export const APP_PASSWORD_EXPIRIES = ['30d', '90d', '365d', 'never'] as const;

/**
 * Why a mail login was allowed or refused. Mail-auth writes one of these into every login attempt;
 * the portal (activity) and the staff panel (diagnosis) translate them into plain language.
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

// ---- Bounds the schemas enforce and the forms show (maxLength, min/max, hints) ----------------

/** A staff reason (shown to the user in the notice, kept in the audit log). */
export const STAFF_REASON_MAX = 500;

export const APP_PASSWORD_NAME_MAX = 64;

export const PASSKEY_NAME_MAX = 64;

/** A service token's name: lower-case letters, digits, dots and dashes, typed on a command line. */
export const SERVICE_TOKEN_NAME_MAX = 63;
export const SERVICE_TOKEN_NAME_PATTERN = new RegExp(`^[a-z0-9][a-z0-9.-]{0,${SERVICE_TOKEN_NAME_MAX - 1}}$`);

/** What a TOTP code field accepts as typed: 6 digits, with the spaces apps show ("123 456"). */
export const TOTP_CODE_INPUT_MAX = 16;

/** What a recovery code field accepts as typed (`ABCD-EFGH-JKLM`, in any case and spacing). */
export const RECOVERY_CODE_INPUT_MAX = 64;

/** The staff user search matches substrings from this many characters (shorter: prefixes only). */
export const USER_SEARCH_SUBSTRING_MIN = 3;

/** How long login attempts and audit events are kept, in days. */
export const RETENTION_DAYS_BOUNDS = {
  loginAttemptRetentionDays: { min: 1, max: 3650 },
  auditRetentionDays: { min: 30, max: 3650 },
} as const;

/**
 * What staff may set in the password policy. The length ranges meet at 64 (64 must always work), so
 * a maximum below the minimum cannot pass them.
 */
export const PASSWORD_POLICY_BOUNDS = {
  minLength: { min: 8, max: 64 },
  maxLength: { min: 64, max: 1024 },
  minScore: { min: 0, max: 4 },
  contextWordLength: { min: 3, max: 64 },
  contextWordsMax: 50,
} as const;
