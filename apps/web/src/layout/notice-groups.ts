import type { SecurityNoticeView } from '@mailgate/contracts';

/** Where a notice comes from: that decides how urgent it reads and under which heading it sits. */
export type NoticeGroup = 'mailLogins' | 'staff' | 'timeLimits' | 'otherSessions';

export const NOTICE_GROUP_ORDER: readonly NoticeGroup[] = ['mailLogins', 'staff', 'timeLimits', 'otherSessions'];

/** Notices the account's logins raised: guessing, locks, a recovery code used, a new mail device. */
const MAIL_LOGIN_KINDS = new Set(['LOGIN_LOCKED', 'LOGIN_LOCK_LIFTED', 'RECOVERY_CODE_USED', 'NEW_MAIL_DEVICE']);

/**
 * Access that ended by itself when the time limit the user chose ran out: nobody changed anything,
 * so it belongs neither to support nor to another session.
 */
const TIME_LIMIT_KINDS = new Set(['PROTOCOL_ACCESS_EXPIRED']);

export function noticeGroup(notice: Pick<SecurityNoticeView, 'kind' | 'byStaff'>): NoticeGroup {
  if (MAIL_LOGIN_KINDS.has(notice.kind)) return 'mailLogins';
  if (TIME_LIMIT_KINDS.has(notice.kind)) return 'timeLimits';
  return notice.byStaff ? 'staff' : 'otherSessions';
}

/** The notices under their headings, in a fixed order, each group newest first; empty groups left out. */
export function groupNotices<T extends Pick<SecurityNoticeView, 'kind' | 'byStaff'>>(
  notices: readonly T[],
): { group: NoticeGroup; notices: T[] }[] {
  return NOTICE_GROUP_ORDER.map((group) => ({
    group,
    notices: notices.filter((notice) => noticeGroup(notice) === group),
  })).filter((entry) => entry.notices.length > 0);
}
