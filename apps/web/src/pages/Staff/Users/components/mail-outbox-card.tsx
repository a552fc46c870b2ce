import { useId } from 'react';
import { useTranslation } from '../../../../i18n/use-translation';
import { useMailOutbox } from '../../../../api/admin/queries';
import { ErrorState, LoadingState } from '../../../../components/query-state';
import { useFormat } from '../../../../i18n/format';

/**
 * Whether mail gets out: waiting and failed counts, the mails that gave up (recipient masked, the
 * relay's error), and the newest mails so a newcomer to the demo sees what was sent.
 */
export function MailOutboxCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const outbox = useMailOutbox();

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('admin.mailOutbox.title')}</h2>
      {outbox.isPending ? (
        <LoadingState />
      ) : outbox.isError ? (
        <ErrorState error={outbox.error} onRetry={() => void outbox.refetch()} />
      ) : (
        <>
          <p>
            {t(`admin.mailOutbox.destination.${outbox.data.destination}`)}{' '}
            {t('admin.mailOutbox.counts', { pending: outbox.data.pending, failed: outbox.data.failed })}
          </p>
          {outbox.data.failures.length > 0 && (
            <>
              <h3>{t('admin.mailOutbox.failuresTitle')}</h3>
              <ul aria-label={t('admin.mailOutbox.failuresTitle')}>
                {outbox.data.failures.map((mail) => (
                  <li key={mail.id}>
                    {t('admin.mailOutbox.failure', {
                      subject: mail.subject,
                      to: mail.to,
                      attempts: mail.attempts,
                      error: mail.lastError ?? '',
                      date: format.dateTime(mail.createdAt),
                    })}
                  </li>
                ))}
              </ul>
            </>
          )}
          {outbox.data.recent.length > 0 && (
            <details>
              <summary>{t('admin.mailOutbox.recentTitle')}</summary>
              <ul>
                {outbox.data.recent.map((mail) => (
                  <li key={mail.id}>
                    {t('admin.mailOutbox.recent', {
                      subject: mail.subject,
                      to: mail.to,
                      status: t(`admin.mailOutbox.status.${mail.status}`),
                      date: format.dateTime(mail.createdAt),
                    })}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}
