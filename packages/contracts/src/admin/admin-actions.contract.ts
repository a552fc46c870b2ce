import { z } from 'zod';
import { defineOperation } from '../common/operation.js';
import { routes } from '../routes.js';
import { ZDateTimeInput } from '../common/dates.js';
import { SessionErrors } from '../auth/session-errors.js';
import { AdminErrors } from './admin.errors.js';
import { RecoveryErrors } from '../recovery/recovery.errors.js';
import { AuthLocksErrors } from '../auth-locks/auth-locks.errors.js';
import { ZRole } from '../auth/auth.contract.js';
import { ZProtocol, ZProtocolAccess } from '../protocol-access/protocol-access.contract.js';
import { ProtocolAccessErrors } from '../protocol-access/protocol-access.errors.js';
import {
  STAFF_WRITE_ERRORS,
  ZIsoDateTime,
  ZReasonRequest,
  ZStaffReason,
  ZUserIdParams,
  ZUuid,
} from './admin-common.js';
import { ZAdminUserSummary } from './admin-users.contract.js';

// Every action: VALIDATION_FAILED for a missing or oversized reason, USER_NOT_FOUND for an unknown
// user, FORBIDDEN when SUPPORT acts on a staff account, plus the staff-session errors.
const ACTION_ERRORS = [...STAFF_WRITE_ERRORS, AdminErrors.USER_NOT_FOUND] as const;

export const ZSetUserProtocolAccessParams = ZUserIdParams.extend({ protocol: ZProtocol });

export const ZSetUserProtocolAccessRequest = z.strictObject({
  enabled: z.boolean(),
  /** Only with enabled = true; null or absent = until turned off. */
  enabledUntil: ZDateTimeInput.nullable().optional(),
  /** POP3 only. */
  pop3KeepCopy: z.boolean().optional(),
  reason: ZStaffReason,
});
export type SetUserProtocolAccessRequest = z.infer<typeof ZSetUserProtocolAccessRequest>;

export const ZUserItemParams = ZUserIdParams.extend({ itemId: ZUuid });

export const ZRevokedCountResponse = z.object({ revoked: z.number().int() }).meta({ id: 'RevokedCountResponse' });
export type RevokedCountResponse = z.infer<typeof ZRevokedCountResponse>;

/** Sent to the user's confirmed recovery address: staff see only where (masked), never the link. */
export const ZCreatePasswordResetLinkResponse = z
  .object({
    /** The recovery address, masked (`a•••@example.org`). */
    sentTo: z.string(),
    expiresAt: ZIsoDateTime,
  })
  .meta({ id: 'CreatePasswordResetLinkResponse' });
export type CreatePasswordResetLinkResponse = z.infer<typeof ZCreatePasswordResetLinkResponse>;

/** Only for a user without a recovery address, only for an admin: the link itself, shown once. */
export const ZRevealPasswordResetLinkResponse = z
  .object({
    /** Shown once to the admin, who hands it to the user; stored only as a keyed hash. */
    token: z.string(),
    /** The link to give the user (absolute when PUBLIC_URL is configured). */
    url: z.string(),
    expiresAt: ZIsoDateTime,
  })
  .meta({ id: 'RevealPasswordResetLinkResponse' });
export type RevealPasswordResetLinkResponse = z.infer<typeof ZRevealPasswordResetLinkResponse>;

export const ZChangeUserRoleRequest = z.strictObject({ role: ZRole, reason: ZStaffReason });
export type ChangeUserRoleRequest = z.infer<typeof ZChangeUserRoleRequest>;

/** Actions that could hand an account over to someone need the same fresh step-up as the user's own. */
const HANDOVER_STEP_UP = "Needs a recent step-up, as fresh as for the user's own sensitive actions.";

export const adminActionOperations = {
  setUserProtocolAccess: defineOperation(routes.adminAction.setUserProtocolAccess, {
    tag: 'Admin',
    summary: "Turn one of the user's mail protocols on or off.",
    auth: 'session',
    params: ZSetUserProtocolAccessParams,
    body: ZSetUserProtocolAccessRequest,
    responses: { 200: ZProtocolAccess },
    errors: [...ACTION_ERRORS, ProtocolAccessErrors.POP3_KEEP_COPY_ONLY_FOR_POP3],
  }),
  revokeUserAppPassword: defineOperation(routes.adminAction.revokeUserAppPassword, {
    tag: 'Admin',
    summary: 'Revoke one app password of the user.',
    auth: 'session',
    params: ZUserItemParams,
    body: ZReasonRequest,
    responses: { 204: null },
    errors: [...ACTION_ERRORS, AdminErrors.ITEM_NOT_FOUND],
  }),
  removeUserPasskey: defineOperation(routes.adminAction.removeUserPasskey, {
    tag: 'Admin',
    summary: 'Remove one passkey of the user (with a reason; the user is told).',
    auth: 'session',
    params: ZUserItemParams,
    body: ZReasonRequest,
    responses: { 204: null },
    errors: [...ACTION_ERRORS, AdminErrors.ITEM_NOT_FOUND],
  }),
  revokeAllUserAppPasswords: defineOperation(routes.adminAction.revokeAllUserAppPasswords, {
    tag: 'Admin',
    summary: 'Revoke every active app password of the user.',
    auth: 'session',
    params: ZUserIdParams,
    body: ZReasonRequest,
    responses: { 200: ZRevokedCountResponse },
    errors: [...ACTION_ERRORS],
  }),
  revokeUserSession: defineOperation(routes.adminAction.revokeUserSession, {
    tag: 'Admin',
    summary: 'Sign the user out of one web session.',
    auth: 'session',
    params: ZUserItemParams,
    body: ZReasonRequest,
    responses: { 204: null },
    errors: [...ACTION_ERRORS, AdminErrors.ITEM_NOT_FOUND],
  }),
  revokeAllUserSessions: defineOperation(routes.adminAction.revokeAllUserSessions, {
    tag: 'Admin',
    summary: 'Sign the user out of every web session.',
    auth: 'session',
    params: ZUserIdParams,
    body: ZReasonRequest,
    responses: { 200: ZRevokedCountResponse },
    errors: [...ACTION_ERRORS],
  }),
  liftUserLock: defineOperation(routes.adminAction.liftUserLock, {
    tag: 'Admin',
    summary: 'Lift a brute-force lock affecting the user.',
    auth: 'session',
    params: ZUserItemParams,
    body: ZReasonRequest,
    responses: { 204: null },
    errors: [...ACTION_ERRORS, AuthLocksErrors.AUTH_LOCK_NOT_FOUND, AuthLocksErrors.AUTH_LOCK_NOT_ACTIVE],
  }),
  disableUser: defineOperation(routes.adminAction.disableUser, {
    tag: 'Admin',
    summary: 'Disable the account: no web sign-in, no mail login; all sessions end.',
    description: HANDOVER_STEP_UP,
    auth: 'session',
    params: ZUserIdParams,
    body: ZReasonRequest,
    responses: { 200: ZAdminUserSummary },
    errors: [
      ...ACTION_ERRORS,
      SessionErrors.STEP_UP_REQUIRED,
      AdminErrors.NO_CHANGE,
      AdminErrors.LAST_ADMIN,
      AdminErrors.SELF_ACTION_REFUSED,
    ],
  }),
  enableUser: defineOperation(routes.adminAction.enableUser, {
    tag: 'Admin',
    summary: 'Re-enable a disabled account.',
    auth: 'session',
    params: ZUserIdParams,
    body: ZReasonRequest,
    responses: { 200: ZAdminUserSummary },
    errors: [...ACTION_ERRORS, AdminErrors.NO_CHANGE],
  }),
  removeUserTwoFactor: defineOperation(routes.adminAction.removeUserTwoFactor, {
    tag: 'Admin',
    summary: "Remove the user's 2FA (after verifying the person by the provider's own process).",
    description: HANDOVER_STEP_UP,
    auth: 'session',
    params: ZUserIdParams,
    body: ZReasonRequest,
    responses: { 204: null },
    errors: [...ACTION_ERRORS, SessionErrors.STEP_UP_REQUIRED, AdminErrors.NO_CHANGE, AdminErrors.SELF_ACTION_REFUSED],
  }),
  createPasswordResetLink: defineOperation(routes.adminAction.createPasswordResetLink, {
    tag: 'Admin',
    summary: "Send a one-time password-reset link (valid 1 hour) to the user's confirmed recovery address.",
    description:
      'Staff never see the link or the password; the answer names the recovery address masked. Earlier unused ' +
      "links of the user stop working. The link is void once anything about the account's security changes " +
      '(role, password, 2FA, status), when the user cancels it, or when its issuer may no longer act on the ' +
      'account. Without a confirmed recovery address: NO_RECOVERY_ADDRESS (only an admin may reveal a link). ' +
      HANDOVER_STEP_UP,
    auth: 'session',
    params: ZUserIdParams,
    body: ZReasonRequest,
    responses: { 201: ZCreatePasswordResetLinkResponse },
    errors: [
      ...ACTION_ERRORS,
      SessionErrors.STEP_UP_REQUIRED,
      AdminErrors.SELF_ACTION_REFUSED,
      RecoveryErrors.NO_RECOVERY_ADDRESS,
    ],
  }),
  revealPasswordResetLink: defineOperation(routes.adminAction.revealPasswordResetLink, {
    tag: 'Admin',
    summary: 'ADMIN only: create a reset link and show it, for a user who has no confirmed recovery address.',
    description:
      'Audited as its own event (password_reset.link_revealed). Refused with RECOVERY_ADDRESS_EXISTS when the ' +
      'user has a confirmed recovery address: the link then goes there. ' +
      HANDOVER_STEP_UP,
    auth: 'session',
    params: ZUserIdParams,
    body: ZReasonRequest,
    responses: { 201: ZRevealPasswordResetLinkResponse },
    errors: [
      ...ACTION_ERRORS,
      SessionErrors.STEP_UP_REQUIRED,
      AdminErrors.SELF_ACTION_REFUSED,
      RecoveryErrors.RECOVERY_ADDRESS_EXISTS,
    ],
  }),
  changeUserRole: defineOperation(routes.adminAction.changeUserRole, {
    tag: 'Admin',
    summary: 'Change the role of an account (ADMIN only, needs step-up).',
    auth: 'session',
    params: ZUserIdParams,
    body: ZChangeUserRoleRequest,
    responses: { 200: ZAdminUserSummary },
    errors: [...ACTION_ERRORS, SessionErrors.STEP_UP_REQUIRED, AdminErrors.NO_CHANGE, AdminErrors.LAST_ADMIN],
  }),
};
