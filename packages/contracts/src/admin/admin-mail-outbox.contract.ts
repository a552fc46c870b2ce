import { z } from 'zod';
import { defineOperation } from '../common/operation.js';
import { routes } from '../routes.js';
import { STAFF_SESSION_ERRORS, ZIsoDateTime } from './admin-common.js';

export const ZOutboxMailStatus = z.enum(['PENDING', 'SENT', 'FAILED']);

/** One mail as staff see it: never its body (it may hold a one-time link), the recipient masked. */
export const ZOutboxMailSummary = z
  .object({
    id: z.string(),
    kind: z.string(),
    to: z.string(),
    subject: z.string(),
    status: ZOutboxMailStatus,
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: ZIsoDateTime,
    sentAt: ZIsoDateTime.nullable(),
  })
  .meta({ id: 'OutboxMailSummary' });
export type OutboxMailSummary = z.infer<typeof ZOutboxMailSummary>;

export const ZMailOutboxView = z
  .object({
    /** Where mails go: the SMTP relay, .eml files (demo without a relay), or nowhere yet. */
    destination: z.enum(['smtp', 'files', 'none']),
    pending: z.number().int(),
    failed: z.number().int(),
    /** Mails that gave up after every retry, newest first (at most 50). */
    failures: z.array(ZOutboxMailSummary),
    /** The newest mails whatever their state (at most 20), so a newcomer sees what was sent. */
    recent: z.array(ZOutboxMailSummary),
  })
  .meta({ id: 'MailOutboxView' });
export type MailOutboxView = z.infer<typeof ZMailOutboxView>;

export const adminMailOutboxOperations = {
  getMailOutbox: defineOperation(routes.adminMailOutbox.getMailOutbox, {
    tag: 'Admin',
    summary: 'Outgoing mail: how many wait, which ones failed for good, and the newest ones.',
    auth: 'session',
    responses: { 200: ZMailOutboxView },
    errors: [...STAFF_SESSION_ERRORS],
  }),
};
