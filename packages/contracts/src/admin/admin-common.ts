import { z } from 'zod';
import { CommonErrors } from '../common/error-codes.js';
import { zSafeText } from '../common/strings.js';
import { SessionErrors } from '../auth/session-errors.js';
import { STAFF_REASON_MAX } from '../values.js';

/** Why staff made a change: mandatory, shown to the user in the notice and kept in the audit log. */
export const ZStaffReason = zSafeText(STAFF_REASON_MAX, { multiline: true })
  .trim()
  .min(1, { message: 'A reason is required.' })
  .meta({
    description: `Why this change is made (1-${STAFF_REASON_MAX} characters). Shown to the user and kept in the audit log.`,
  });

export const ZPageLimit = z.coerce.number().int().min(1).max(50).default(20);

export const ZIsoDateTime = z.iso.datetime({ offset: true });

export const ZUuid = z.uuid({ message: 'Invalid id.' });

export const ZUserIdParams = z.strictObject({ userId: ZUuid });

/** The body of actions that need nothing but a reason. */
export const ZReasonRequest = z.strictObject({ reason: ZStaffReason });
export type ReasonRequest = z.infer<typeof ZReasonRequest>;

/** What every staff endpoint can answer before it runs: no session, not staff, staff without 2FA. */
export const STAFF_SESSION_ERRORS = [
  CommonErrors.UNAUTHENTICATED,
  CommonErrors.FORBIDDEN,
  SessionErrors.STAFF_TOTP_REQUIRED,
] as const;

/** Reads with a query or path to validate. */
export const STAFF_READ_ERRORS = [CommonErrors.VALIDATION_FAILED, ...STAFF_SESSION_ERRORS] as const;

/** Changes: validated bodies and the CSRF check besides. */
export const STAFF_WRITE_ERRORS = [...STAFF_READ_ERRORS, CommonErrors.CSRF_CHECK_FAILED] as const;
