import { z } from 'zod';
import { defineOperation } from '../common/operation.js';
import { routes } from '../routes.js';
import { ZEmail, zSafeText } from '../common/strings.js';
import { ZDateTimeInput } from '../common/dates.js';
import { ZBigintId, zCursor } from '../common/cursor.js';
import { AdminErrors } from './admin.errors.js';
import { STAFF_READ_ERRORS, ZIsoDateTime, ZPageLimit, ZUuid } from './admin-common.js';

const ZAuditFilters = {
  /** Events whose target is this user. */
  userId: ZUuid.optional(),
  /** Events made by this user. */
  actorId: ZUuid.optional(),
  /** Events whose target has this e-mail address (exact, normalised): staff know addresses, not ids. */
  userEmail: ZEmail.optional(),
  /** Events made by the account with this e-mail address (exact, normalised). */
  actorEmail: ZEmail.optional(),
  /** Exact action name, or a prefix ending in `.` (e.g. `protocol_access.`). */
  action: zSafeText(100)
    .regex(/^[a-z0-9_.-]+$/, { message: 'Use an action name such as protocol_access.enabled.' })
    .optional(),
  /** Inclusive lower bound. */
  from: ZDateTimeInput.optional(),
  /** Exclusive upper bound. */
  to: ZDateTimeInput.optional(),
};

/** Inside an audit-log cursor: the id of the last event of the page (ids grow with time). */
export const ZAuditCursor = z.strictObject({ before: ZBigintId });
export type AuditCursor = z.output<typeof ZAuditCursor>;

export const ZAuditLogQuery = z.strictObject({
  ...ZAuditFilters,
  cursor: zCursor(ZAuditCursor, AdminErrors.INVALID_CURSOR).optional(),
  limit: ZPageLimit,
});
export type AuditLogQuery = z.infer<typeof ZAuditLogQuery>;

export const ZAuditExportQuery = z.strictObject(ZAuditFilters);
export type AuditExportQuery = z.infer<typeof ZAuditExportQuery>;

export const ZAuditEventView = z
  .object({
    id: z.string(),
    createdAt: ZIsoDateTime,
    actorId: z.string().nullable(),
    actorEmail: z.string().nullable(),
    actorRole: z.string(),
    targetUserId: z.string().nullable(),
    targetEmail: z.string().nullable(),
    action: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    reason: z.string().nullable(),
    ip: z.string().nullable(),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEventView = z.infer<typeof ZAuditEventView>;

export const ZAuditLogResponse = z
  .object({ items: z.array(ZAuditEventView), nextCursor: z.string().nullable() })
  .meta({ id: 'AuditLogResponse' });
export type AuditLogResponse = z.infer<typeof ZAuditLogResponse>;

export const adminAuditOperations = {
  queryAuditLog: defineOperation(routes.adminAudit.queryAuditLog, {
    tag: 'Admin',
    summary: 'Read the audit log, newest first, filtered by user, actor, action and time.',
    auth: 'session',
    query: ZAuditLogQuery,
    responses: { 200: ZAuditLogResponse },
    errors: [...STAFF_READ_ERRORS, AdminErrors.INVALID_CURSOR],
  }),
  exportAuditLog: defineOperation(routes.adminAudit.exportAuditLog, {
    tag: 'Admin',
    summary: 'Export the filtered audit log as CSV (text/csv; at most 100,000 rows, newest first).',
    description:
      'Cells that a spreadsheet would read as a formula (starting with =, +, -, @, tab or carriage return) ' +
      'are prefixed with an apostrophe.',
    auth: 'session',
    query: ZAuditExportQuery,
    responses: { 200: z.string().meta({ description: 'CSV with a header row.' }) },
    errors: [...STAFF_READ_ERRORS],
  }),
};
