import { z } from 'zod';
import { CommonErrors } from '../common/error-codes.js';
import { defineOperation } from '../common/operation.js';
import { routes } from '../routes.js';
import { SessionErrors } from '../auth/session-errors.js';
import { ZProtocol } from '../protocol-access/protocol-access.contract.js';

export const ACTIVITY_DEFAULT_LIMIT = 50;
export const ACTIVITY_MAX_LIMIT = 200;

export const ZActivityQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(ACTIVITY_MAX_LIMIT).default(ACTIVITY_DEFAULT_LIMIT),
});
export type ActivityQuery = z.input<typeof ZActivityQuery>;

export const ZLoginActivity = z
  .object({
    id: z.string(),
    /** When it happened; for repeated successes of one device within an hour, the last of them. */
    time: z.iso.datetime(),
    /**
     * How many logins this entry stands for: successes of one device (credential, protocol,
     * address) are kept once per hour with a count; a refusal is one entry (count 1), except a
     * flood from one address, which is counted the same way.
     */
    count: z.number().int().min(1),
    /** The first of them (equal to `time` when count is 1). */
    firstTime: z.iso.datetime(),
    protocol: ZProtocol.nullable(),
    clientIp: z.string().nullable(),
    /** Whether the login was protected by TLS. */
    secured: z.boolean(),
    result: z.enum(['ALLOW', 'DENY', 'TEMPFAIL']),
    /** A `MailAuthReason` code (see mail-auth/deny-reasons); the SPA explains it in plain language. */
    reasonCode: z.string(),
    credential: z.enum(['PASSWORD', 'APP_PASSWORD', 'NONE']),
    /** The app password's name when one was used (and still exists). */
    appPasswordName: z.string().nullable(),
  })
  .meta({ id: 'LoginActivity' });
export type LoginActivity = z.infer<typeof ZLoginActivity>;

export const ZListLoginActivityResponse = z
  .object({ logins: z.array(ZLoginActivity) })
  .meta({ id: 'ListLoginActivityResponse' });
export type ListLoginActivityResponse = z.infer<typeof ZListLoginActivityResponse>;

/** Who made a change, as the user should understand it. */
export const ZActorKind = z.enum(['you', 'support', 'system']);
export type ActorKind = z.infer<typeof ZActorKind>;

/**
 * A security event of the account, from the audit log, reduced to what the user may see: never
 * the raw before/after values, only a few whitelisted, non-secret details (protocol, app password
 * name, time limit).
 */
export const ZSecurityEvent = z
  .object({
    id: z.string(),
    /** Dotted audit action, e.g. `protocol_access.enabled`, `app_password.created`. */
    action: z.string(),
    time: z.iso.datetime(),
    actorKind: ZActorKind,
    /** The reason staff gave, if any. */
    reason: z.string().nullable(),
    details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  })
  .meta({ id: 'SecurityEvent' });
export type SecurityEvent = z.infer<typeof ZSecurityEvent>;

export const ZListSecurityEventsResponse = z
  .object({ events: z.array(ZSecurityEvent) })
  .meta({ id: 'ListSecurityEventsResponse' });
export type ListSecurityEventsResponse = z.infer<typeof ZListSecurityEventsResponse>;

const ERRORS = [CommonErrors.VALIDATION_FAILED, CommonErrors.UNAUTHENTICATED, SessionErrors.SESSION_EXPIRED];

export const activityOperations = {
  logins: defineOperation(routes.activity.logins, {
    tag: 'Activity',
    summary: "The signed-in user's recent mail logins (newest first), allowed and refused.",
    auth: 'session',
    query: ZActivityQuery,
    responses: { 200: ZListLoginActivityResponse },
    errors: ERRORS,
  }),
  events: defineOperation(routes.activity.events, {
    tag: 'Activity',
    summary: "Security events of the signed-in user's account (newest first), from the audit log.",
    auth: 'session',
    query: ZActivityQuery,
    responses: { 200: ZListSecurityEventsResponse },
    errors: ERRORS,
  }),
};
