import { z } from 'zod';
import { CommonErrors } from '../common/error-codes.js';
import { defineOperation } from '../common/operation.js';
import { routes } from '../routes.js';
import { zSafeText } from '../common/strings.js';
import { zCursor } from '../common/cursor.js';
import { AdminErrors } from './admin.errors.js';
import { ZLoginActivity } from '../activity/activity.contract.js';
import { ZAuthLock } from '../auth-locks/auth-locks.contract.js';
import { ZRole, ZSessionView } from '../auth/auth.contract.js';
import { ZAppPassword } from '../app-passwords/app-passwords.contract.js';
import { ZProtocolAccess } from '../protocol-access/protocol-access.contract.js';
import { ZIsoDateTime, ZPageLimit, ZUserIdParams, STAFF_SESSION_ERRORS } from './admin-common.js';
import { USER_SEARCH_MATCHES, USER_SEARCH_SUBSTRING_MIN } from '../values.js';

export { USER_SEARCH_SUBSTRING_MIN };

/**
 * How the search term is matched. `auto` picks `exact` for a complete e-mail address, `substring`
 * for 3+ characters otherwise, and `prefix` for shorter terms.
 */
export const ZUserSearchMatch = z.enum(USER_SEARCH_MATCHES);
export type UserSearchMatch = z.infer<typeof ZUserSearchMatch>;

/**
 * Inside a search cursor: a fingerprint of the search that made it (so it cannot page through
 * another) and the last e-mail of its page.
 */
export const ZUserSearchCursor = z.strictObject({
  f: z.string().regex(/^[A-Za-z0-9_-]{12}$/),
  e: zSafeText(254).min(1),
});
export type UserSearchCursor = z.output<typeof ZUserSearchCursor>;

export const ZSearchUsersQuery = z.strictObject({
  q: zSafeText(254).trim().min(1, { message: 'Type something to search for.' }),
  match: ZUserSearchMatch.default('auto'),
  role: ZRole.optional(),
  cursor: zCursor(ZUserSearchCursor, AdminErrors.INVALID_CURSOR).optional(),
  limit: ZPageLimit,
});
export type SearchUsersQuery = z.infer<typeof ZSearchUsersQuery>;

export const ZAdminUserSummary = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    role: ZRole,
    disabled: z.boolean(),
    totpEnabled: z.boolean(),
    createdAt: ZIsoDateTime,
  })
  .meta({ id: 'AdminUserSummary' });
export type AdminUserSummary = z.infer<typeof ZAdminUserSummary>;

export const ZSearchUsersResponse = z
  .object({
    /** The match actually used (after resolving `auto`). */
    match: ZUserSearchMatch.exclude(['auto']),
    items: z.array(ZAdminUserSummary),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'SearchUsersResponse' });
export type SearchUsersResponse = z.infer<typeof ZSearchUsersResponse>;

/** A live web session as staff see it: the user's own view of it, with its expiry instead of "current". */
export const ZAdminSession = ZSessionView.omit({ current: true }).extend({ expiresAt: ZIsoDateTime });
export type AdminSession = z.infer<typeof ZAdminSession>;

/** A mail-login attempt as staff see it: the user's activity row, with the app password's id. */
export const ZAdminLoginAttempt = ZLoginActivity.extend({ appPasswordId: z.string().nullable() });
export type AdminLoginAttempt = z.infer<typeof ZAdminLoginAttempt>;

export const ZAdminSecurityEvent = z.object({
  id: z.string(),
  createdAt: ZIsoDateTime,
  action: z.string(),
  actorRole: z.string(),
  actorEmail: z.string().nullable(),
  reason: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AdminSecurityEvent = z.infer<typeof ZAdminSecurityEvent>;

export const ZAdminUserDetail = z
  .object({
    user: ZAdminUserSummary.extend({
      locale: z.string(),
      disabledAt: ZIsoDateTime.nullable(),
      disabledReason: z.string().nullable(),
      passwordChangedAt: ZIsoDateTime,
      /** The confirmed recovery address, masked (`a•••@example.org`); reset links go there. */
      recoveryAddress: z.string().nullable(),
    }),
    protocolAccess: z.array(ZProtocolAccess),
    appPasswords: z.array(ZAppPassword),
    /** Active sessions only. */
    sessions: z.array(ZAdminSession),
    twoFactor: z.object({
      enabled: z.boolean(),
      enabledAt: ZIsoDateTime.nullable(),
      recoveryCodesRemaining: z.number().int(),
    }),
    /** The user's passkeys (names and dates only; never key material). */
    passkeys: z.array(
      z.object({ id: z.uuid(), name: z.string(), createdAt: ZIsoDateTime, lastUsedAt: ZIsoDateTime.nullable() }),
    ),
    /** Active brute-force locks (the user's own and those of the IPs it logged in from recently). */
    locks: z.array(ZAuthLock),
    /** The most recent mail-login attempts, newest first. */
    loginAttempts: z.array(ZAdminLoginAttempt),
    /** The most recent audit events about this account, newest first. */
    securityEvents: z.array(ZAdminSecurityEvent),
    /** What the calling staff member may do here (SUPPORT acts on USER accounts only). */
    permissions: z.object({ canAct: z.boolean(), canChangeRole: z.boolean() }),
  })
  .meta({ id: 'AdminUserDetail' });
export type AdminUserDetail = z.infer<typeof ZAdminUserDetail>;

export const ZStaffMeResponse = z
  .object({
    userId: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    role: z.enum(['SUPPORT', 'ADMIN']),
  })
  .meta({ id: 'StaffMeResponse' });
export type StaffMeResponse = z.infer<typeof ZStaffMeResponse>;

export const adminUserOperations = {
  staffMe: defineOperation(routes.adminUser.staffMe, {
    tag: 'Admin',
    summary: 'The signed-in staff member; also the panel gate (STAFF_TOTP_REQUIRED until 2FA is set up).',
    auth: 'session',
    responses: { 200: ZStaffMeResponse },
    errors: [...STAFF_SESSION_ERRORS],
  }),
  searchUsers: defineOperation(routes.adminUser.searchUsers, {
    tag: 'Admin',
    summary: 'Search users by exact e-mail, e-mail prefix, or substring of e-mail or name.',
    description: 'Cursor-paginated, ordered by e-mail. Substring search needs at least 3 characters.',
    auth: 'session',
    query: ZSearchUsersQuery,
    responses: { 200: ZSearchUsersResponse },
    errors: [
      CommonErrors.VALIDATION_FAILED,
      AdminErrors.SEARCH_TERM_TOO_SHORT,
      AdminErrors.INVALID_CURSOR,
      ...STAFF_SESSION_ERRORS,
    ],
  }),
  getUser: defineOperation(routes.adminUser.getUser, {
    tag: 'Admin',
    summary: 'Everything support needs about one account (never a password or secret).',
    auth: 'session',
    params: ZUserIdParams,
    responses: { 200: ZAdminUserDetail },
    errors: [CommonErrors.VALIDATION_FAILED, AdminErrors.USER_NOT_FOUND, ...STAFF_SESSION_ERRORS],
  }),
};
