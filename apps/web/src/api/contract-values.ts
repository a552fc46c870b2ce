import type { AccessDuration, AppPasswordExpiry, Protocol } from '@mailgate/contracts';

// Value lists the forms need. Importing them from @mailgate/contracts at run time would bundle zod
// and every schema, so they are restated here, typed by the contracts; contract-values.test.ts
// fails if a list drifts from the contract's.

export const PROTOCOL_LIST = ['IMAP', 'POP3', 'SMTP'] as const satisfies readonly Protocol[];

export const ACCESS_DURATION_LIST = ['unlimited', '1d', '7d', '30d'] as const satisfies readonly AccessDuration[];

export const APP_PASSWORD_EXPIRY_LIST = ['30d', '90d', '365d', 'never'] as const satisfies readonly AppPasswordExpiry[];
