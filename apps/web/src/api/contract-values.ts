import type { AccessDuration, AppPasswordExpiry, MailAuthReason, Protocol } from '@mailgate/contracts';

// Value lists the forms need. Importing them from @mailgate/contracts at run time would bundle zod
// and every schema, so they are restated here, typed by the contracts; contract-values.test.ts
// fails if a list drifts from the contract's.

export const PROTOCOL_LIST = ['IMAP', 'POP3', 'SMTP'] as const satisfies readonly Protocol[];

export const ACCESS_DURATION_LIST = ['unlimited', '1d', '7d', '30d'] as const satisfies readonly AccessDuration[];

export const APP_PASSWORD_EXPIRY_LIST = ['30d', '90d', '365d', 'never'] as const satisfies readonly AppPasswordExpiry[];

/** Every reason mail-auth records for a login; the staff panel explains each refusal among them. */
export const MAIL_AUTH_REASON_LIST = [
  'OK',
  'AUTH_FAILED',
  'USER_UNKNOWN',
  'PASSWORD_WRONG',
  'APP_PASSWORD_WRONG',
  'ACCOUNT_DISABLED',
  'PROTOCOL_DISABLED',
  'PROTOCOL_EXPIRED',
  'TLS_REQUIRED',
  'MAIN_PASSWORD_NOT_ALLOWED',
  'APP_PASSWORD_SCOPE',
  'APP_PASSWORD_EXPIRED',
  'APP_PASSWORD_REVOKED',
  'LOCKED_USER_IP',
  'LOCKED_IP',
  'LOCKED_ACCOUNT',
  'RATE_LIMITED',
  'INVALID_REQUEST',
  'TEMPFAIL',
] as const satisfies readonly MailAuthReason[];
