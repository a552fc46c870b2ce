import { useTranslation } from '../i18n/use-translation';
import { useMarkAllNoticesRead, useMarkNoticeRead } from '../api/notices/mutations';
import { useNotices } from '../api/notices/queries';
import { Button } from '../components/button';
import { useActionError } from '../i18n/error-message';
import { useFormat } from '../i18n/format';
import { groupNotices } from './notice-groups';
import { noticeText } from './notice-text';

/**
 * Unread security notices, at the top of every portal page until the user marks them read. A
 * labelled region rather than an alert: it should be easy to find, not interrupt on every page.
 */
export function NoticesBanner() {
  const { t } = useTranslation();
  const format = useFormat();
  const actionError = useActionError();
  const notices = useNotices();
  const markRead = useMarkNoticeRead();
  const markAllRead = useMarkAllNoticesRead();

  const unread = notices.data?.notices.filter((notice) => notice.readAt === null) ?? [];
  if (unread.length === 0) return null;
  const error = actionError(markRead.error) ?? actionError(markAllRead.error);

  return (
    <section className="notices" aria-labelledby="notices-heading">
      <h2 id="notices-heading" className="notices__title">
        {t('notices.title', { count: unread.length })}
      </h2>
      <p className="notices__intro">{t('notices.intro')}</p>
      {groupNotices(unread).map(({ group, notices: items }) => (
        <div key={group} className="notices__group">
          <h3 className="notices__group-title">{t(`notices.groups.${group}`, { count: items.length })}</h3>
          <ul className="notices__list">
            {items.map((notice) => {
              const text = noticeText(t, notice, format.dateTime);
              return (
                <li key={notice.id} className="notices__item">
                  <div>
                    <p className="notices__text">{text}</p>
                    <p className="notices__meta">
                      <time dateTime={notice.createdAt}>{format.dateTime(notice.createdAt)}</time>
                      {notice.byStaff && <> · {t('notices.byStaff')}</>}
                      {notice.reason && <> · {t('notices.reason', { reason: notice.reason })}</>}
                    </p>
                  </div>
                  <Button
                    variant="ghost"
                    pending={markRead.isPending && markRead.variables === notice.id}
                    onClick={() => markRead.mutate(notice.id)}
                  >
                    {t('notices.markRead')}
                    {/* Names the notice for screen readers; the visible label stays at the start of the name. */}
                    <span className="visually-hidden"> ({text})</span>
                  </Button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      {error && (
        <p role="alert" className="field__error">
          {error}
        </p>
      )}
      {/* One button for all: the groups are for reading, not for clicking through one by one. */}
      {unread.length > 1 && (
        <Button pending={markAllRead.isPending} onClick={() => markAllRead.mutate()}>
          {t('notices.markAllRead')}
        </Button>
      )}
    </section>
  );
}
