import type { AdminLoginAttempt } from '@mailgate/contracts';
import { useId } from 'react';
import { useTranslation } from '../../../../i18n/use-translation';
import { useFormat } from '../../../../i18n/format';
import { ScrollBox } from '../../../../components/scroll-box';

/** The raw record behind the diagnosis: every recent mail login, allowed or not. */
export function LoginAttemptsSection({ attempts }: { attempts: readonly AdminLoginAttempt[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  const format = useFormat();

  return (
    <section className="card admin-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('admin.attempts.title')}</h2>
      {attempts.length === 0 ? (
        <p className="muted">{t('admin.attempts.none')}</p>
      ) : (
        <ScrollBox className="admin-table-wrap">
          <table className="admin-table">
            <caption className="visually-hidden">{t('admin.attempts.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.attempts.when')}</th>
                <th scope="col">{t('admin.attempts.protocol')}</th>
                <th scope="col">{t('admin.attempts.ip')}</th>
                <th scope="col">{t('admin.attempts.credential')}</th>
                <th scope="col">{t('admin.attempts.result')}</th>
                <th scope="col">{t('admin.attempts.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {attempts.map((attempt) => (
                <tr key={attempt.id}>
                  <th scope="row">{format.dateTime(attempt.time)}</th>
                  <td>
                    {attempt.protocol ?? '—'}
                    {!attempt.secured && <span className="admin-hint"> {t('admin.attempts.plaintext')}</span>}
                  </td>
                  <td>{attempt.clientIp ?? '—'}</td>
                  <td>{t(`admin.attempts.credentials.${attempt.credential}`)}</td>
                  <td>{t(`admin.attempts.results.${attempt.result}`)}</td>
                  <td>
                    <code>{attempt.reasonCode}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </section>
  );
}
