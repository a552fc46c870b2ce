import { z } from 'zod';
import { zSafeText } from '../common/strings.js';

/** Why staff made a change: mandatory, shown to the user in the notice and kept in the audit log. */
export const ZStaffReason = zSafeText(500, { multiline: true })
  .trim()
  .min(1, { message: 'A reason is required.' })
  .meta({ description: 'Why this change is made (1-500 characters). Shown to the user and kept in the audit log.' });

/** An opaque page cursor handed back by list endpoints. */
export const ZCursor = z
  .string()
  .min(1)
  .max(400)
  .regex(/^[A-Za-z0-9_-]+$/, { message: 'Invalid cursor.' });

export const ZPageLimit = z.coerce.number().int().min(1).max(50).default(20);

export const ZIsoDateTime = z.iso.datetime({ offset: true });

export const ZUuid = z.uuid({ message: 'Invalid id.' });

export const ZUserIdParams = z.strictObject({ userId: ZUuid });

/** The body of actions that need nothing but a reason. */
export const ZReasonRequest = z.strictObject({ reason: ZStaffReason });
export type ReasonRequest = z.infer<typeof ZReasonRequest>;
