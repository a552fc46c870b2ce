import type { SecurityNoticeKind } from '@mailgate/contracts';
import type { SecurityNoticeInput } from './security-notices.service.js';

/**
 * Which security notices also go out by e-mail (to the mailbox itself and to the confirmed
 * recovery address). This list is the one place for that rule; it mirrors the in-portal notice
 * rules ("what the user may not know", issue 12): the integrator aligns both here.
 *
 * Mailed always: a door opened or a credential changed, which someone else would do first after
 * taking over a session, and a lock set on the account. Closing a door (protocol off, app password
 * revoked) is never harmful and is not mailed unless staff did it. Every change made by staff is
 * mailed. "Made from another session or device" is not known to a notice yet; when the notice
 * input carries it, add `|| notice.fromOtherSession` below.
 */
export const ALWAYS_MAILED_NOTICES: ReadonlySet<SecurityNoticeKind> = new Set<SecurityNoticeKind>([
  'PROTOCOL_ENABLED',
  'APP_PASSWORD_CREATED',
  'PASSWORD_CHANGED',
  'PASSWORD_RESET',
  'PASSWORD_RESET_REQUESTED',
  'TOTP_ENABLED',
  'TOTP_DISABLED',
  'PASSKEY_ADDED',
  'PASSKEY_REMOVED',
  'PASSKEY_COUNTER_REGRESSED',
  'RECOVERY_CODE_USED',
  'LOGIN_LOCKED',
  'RECOVERY_ADDRESS_CHANGE_REQUESTED',
  'RECOVERY_ADDRESS_CONFIRMED',
  'RECOVERY_ADDRESS_REMOVED',
]);

export function isMailedNotice(notice: Pick<SecurityNoticeInput, 'kind' | 'byStaff'>): boolean {
  return notice.byStaff === true || ALWAYS_MAILED_NOTICES.has(notice.kind);
}
