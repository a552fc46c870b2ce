import type { AdminErrorCode, SessionErrors } from '@mailgate/contracts';
import { de } from '../../../i18n/de';
import { en } from '../../../i18n/en';

// Compile-time guard, like the one in src/i18n/error-message.ts: every code the admin API and the
// session guard can answer has its own message, so staff never see the generic fallback for them.
// (de is typed against en, so checking en covers both.)
en.errors satisfies Record<AdminErrorCode | keyof typeof SessionErrors, string>;
de.errors satisfies Record<AdminErrorCode | keyof typeof SessionErrors, string>;
