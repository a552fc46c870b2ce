import { z } from 'zod';
import { CommonErrors } from '../common/error-codes.js';
import { defineOperation } from '../common/operation.js';
import { routes } from '../routes.js';
import { SessionErrors } from '../auth/session-errors.js';

/**
 * Notice kinds the SPA translates. Other features may add kinds; the response keeps `kind` a
 * plain string so an older SPA shows a generic text for a kind it does not know yet.
 */
export const SECURITY_NOTICE_KINDS = [
  'PROTOCOL_ENABLED',
  'PROTOCOL_DISABLED',
  'PROTOCOL_SETTINGS_CHANGED',
  // A time limit the user set ran out (params: protocol, enabledUntil); the expiry job, by the system.
  'PROTOCOL_ACCESS_EXPIRED',
  'APP_PASSWORD_CREATED',
  'APP_PASSWORD_REVOKED',
  'APP_PASSWORDS_REVOKED_ALL',
  'PASSWORD_CHANGED',
  'TOTP_ENABLED',
  'TOTP_DISABLED',
  'RECOVERY_CODES_REGENERATED',
  'RECOVERY_CODE_USED',
  // A passkey was added, renamed or removed (params: name); removal by support carries the reason.
  'PASSKEY_ADDED',
  'PASSKEY_RENAMED',
  'PASSKEY_REMOVED',
  // A passkey answered with a signature counter that did not go up: it may have been copied; refused.
  'PASSKEY_COUNTER_REGRESSED',
  // Staff actions in the admin panel (always `byStaff`, with the reason), and the user's own
  // redemption of a password-reset link that support created.
  'ACCOUNT_DISABLED',
  'ACCOUNT_ENABLED',
  'SESSION_REVOKED',
  'SESSIONS_REVOKED_ALL',
  'ROLE_CHANGED',
  'PASSWORD_RESET_LINK_CREATED',
  'PASSWORD_RESET',
  // The user cancelled a pending staff-issued password-reset link.
  'PASSWORD_RESET_LINK_CANCELLED',
  // Mail-auth's brute-force defence paused logins to the account from unfamiliar addresses (params: family, until).
  'LOGIN_LOCKED',
  // Support lifted such a pause (params: family); AuthLocksService.lift.
  'LOGIN_LOCK_LIFTED',
  // Recovery address (recovery/): a change was asked for (params: newAddress, masked; mailed to the
  // old confirmed address too), a new address was confirmed (params: address, masked), the address was removed.
  'RECOVERY_ADDRESS_CHANGE_REQUESTED',
  'RECOVERY_ADDRESS_CONFIRMED',
  'RECOVERY_ADDRESS_REMOVED',
  // Someone asked for a reset link on the sign-in page and it was sent to the recovery address.
  'PASSWORD_RESET_REQUESTED',
  // A mail login succeeded from an address (IPv4, or IPv6 /64) not seen for this account in the
  // familiar-address window (params: protocol, ip, network); never for the first login of all.
  'NEW_MAIL_DEVICE',
] as const;
export type SecurityNoticeKind = (typeof SECURITY_NOTICE_KINDS)[number];

export const ZSecurityNotice = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    /** Support or an admin made the change; `reason` then says why. */
    byStaff: z.boolean(),
    reason: z.string().nullable(),
    createdAt: z.iso.datetime(),
    readAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'SecurityNotice' });
export type SecurityNoticeView = z.infer<typeof ZSecurityNotice>;

export const ZListNoticesResponse = z
  .object({
    /** Unread first (newest first), then the most recent read ones. */
    notices: z.array(ZSecurityNotice),
    unreadCount: z.number().int(),
  })
  .meta({ id: 'ListNoticesResponse' });
export type ListNoticesResponse = z.infer<typeof ZListNoticesResponse>;

export const ZNoticeIdParams = z.strictObject({ id: z.uuid({ message: 'Not a valid id.' }) });

export const ZMarkAllNoticesReadResponse = z
  .object({ marked: z.number().int() })
  .meta({ id: 'MarkAllNoticesReadResponse' });
export type MarkAllNoticesReadResponse = z.infer<typeof ZMarkAllNoticesReadResponse>;

const SESSION_ERRORS = [CommonErrors.UNAUTHENTICATED, SessionErrors.SESSION_EXPIRED] as const;

export const noticesOperations = {
  list: defineOperation(routes.notices.list, {
    tag: 'Security notices',
    summary: "The signed-in user's security notices: unread first.",
    auth: 'session',
    responses: { 200: ZListNoticesResponse },
    errors: [...SESSION_ERRORS],
  }),
  markRead: defineOperation(routes.notices.markRead, {
    tag: 'Security notices',
    summary: 'Mark one notice as read.',
    auth: 'session',
    params: ZNoticeIdParams,
    responses: { 204: null },
    errors: [CommonErrors.VALIDATION_FAILED, CommonErrors.NOT_FOUND, CommonErrors.CSRF_CHECK_FAILED, ...SESSION_ERRORS],
  }),
  markAllRead: defineOperation(routes.notices.markAllRead, {
    tag: 'Security notices',
    summary: 'Mark every notice as read.',
    auth: 'session',
    responses: { 200: ZMarkAllNoticesReadResponse },
    errors: [CommonErrors.CSRF_CHECK_FAILED, ...SESSION_ERRORS],
  }),
};
