import type { AdminLoginAttempt } from '@mailgate/contracts';
import { useTranslation } from '../../../../i18n/use-translation';
import { useFormat } from '../../../../i18n/format';
import { UserDetailTable } from './user-detail-table';

/** The raw record behind the diagnosis: every recent mail login, allowed or not. */
export function LoginAttemptsSection({ attempts }: { attempts: readonly AdminLoginAttempt[] }) {
  const { t } = useTranslation();
  const format = useFormat();

  return (
    <UserDetailTable
      title={t('admin.attempts.title')}
      noneText={t('admin.attempts.none')}
      isEmpty={attempts.length === 0}
      columns={[
        t('admin.attempts.when'),
        t('admin.attempts.protocol'),
        t('admin.attempts.ip'),
        t('admin.attempts.credential'),
        t('admin.attempts.result'),
        t('admin.attempts.reason'),
      ]}
    >
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
    </UserDetailTable>
  );
}
