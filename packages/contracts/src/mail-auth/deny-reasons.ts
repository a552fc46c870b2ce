import { z } from 'zod';
import { MAIL_AUTH_REASONS } from '../values.js';

export { MAIL_AUTH_REASONS };

export const ZMailAuthReason = z.enum(MAIL_AUTH_REASONS);
export type MailAuthReason = z.infer<typeof ZMailAuthReason>;
/** Alias used by the ownership brief; the same catalogue. */
export type MailAuthDenyReason = Exclude<MailAuthReason, 'OK'>;
