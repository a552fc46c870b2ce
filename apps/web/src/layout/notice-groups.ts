import type { SecurityNoticeView } from '@mailgate/contracts';

/** Where a notice comes from: that decides how urgent it reads and under which heading it sits. */
export type NoticeGroup = 'mailLogins' | 'staff' | 'otherSessions';

export const NOTICE_GROUP_ORDER: readonly NoticeGroup[] = ['mailLogins', 'staff', 'otherSessions'];

/** Notices the account's mail logins raised: guessing, locks, a recovery code that was used. */
const MAIL_LOGIN_KINDS = new Set(['LOGIN_LOCKED', 'LOGIN_LOCK_LIFTED', 'RECOVERY_CODE_USED']);

export function noticeGroup(notice: Pick<SecurityNoticeView, 'kind' | 'byStaff'>): NoticeGroup {
  if (MAIL_LOGIN_KINDS.has(notice.kind)) return 'mailLogins';
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
