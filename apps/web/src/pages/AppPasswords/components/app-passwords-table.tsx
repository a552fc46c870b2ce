import type { AppPasswordView } from '@mailgate/contracts';
import { useTranslation } from '../../../i18n/use-translation';
import { Button } from '../../../components/button';
import { useFormat } from '../../../i18n/format';
import { ScrollBox } from '../../../components/scroll-box';

interface AppPasswordsTableProps {
  appPasswords: AppPasswordView[];
  onRevoke: (appPassword: AppPasswordView) => void;
}

export function AppPasswordsTable({ appPasswords, onRevoke }: AppPasswordsTableProps) {
  const { t } = useTranslation();
  const format = useFormat();

  function lastRefusal(appPassword: AppPasswordView): string | null {
    const refusal = appPassword.lastRefusal;
    if (!refusal) return null;
    return t('mailSetup.lastRefusal', {
      time: format.dateTime(refusal.time),
      protocol: refusal.protocol ?? '—',
      reason: t(`activity.reasons.${refusal.reasonCode}`),
    });
  }

  function lastUsed(appPassword: AppPasswordView): string {
    if (!appPassword.lastUsedAt) return t('appPasswords.neverUsed');
    const time = format.dateTime(appPassword.lastUsedAt);
    const protocol = appPassword.lastUsedProtocol ?? '—';
    return appPassword.lastUsedIp
      ? t('appPasswords.lastUsedDetail', { time, protocol, ip: appPassword.lastUsedIp })
      : t('appPasswords.lastUsedNoIp', { time, protocol });
  }

  return (
    <ScrollBox className="table-scroll">
      <table className="data-table data-table--stack">
        <caption className="visually-hidden">{t('appPasswords.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('appPasswords.table.name')}</th>
            <th scope="col">{t('appPasswords.table.scopes')}</th>
            <th scope="col">{t('appPasswords.table.created')}</th>
            <th scope="col">{t('appPasswords.table.expires')}</th>
            <th scope="col">{t('appPasswords.table.lastUsed')}</th>
            <th scope="col">{t('appPasswords.table.status')}</th>
            <th scope="col">{t('appPasswords.table.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {appPasswords.map((appPassword) => (
            <tr key={appPassword.id}>
              <th scope="row" data-label={t('appPasswords.table.name')}>
                {appPassword.name}
              </th>
              <td data-label={t('appPasswords.table.scopes')}>{appPassword.scopes.join(', ')}</td>
              <td data-label={t('appPasswords.table.created')}>{format.date(appPassword.createdAt)}</td>
              <td data-label={t('appPasswords.table.expires')}>
                {appPassword.expiresAt ? format.date(appPassword.expiresAt) : t('appPasswords.noExpiry')}
              </td>
              <td data-label={t('appPasswords.table.lastUsed')}>
                {lastUsed(appPassword)}
                {lastRefusal(appPassword) && (
                  <p className="field__hint field__hint--warning">{lastRefusal(appPassword)}</p>
                )}
              </td>
              <td data-label={t('appPasswords.table.status')}>
                <span className={`badge badge--${appPassword.status}`}>
                  {t(`appPasswords.status.${appPassword.status}`)}
                </span>
              </td>
              <td data-label={t('appPasswords.table.actions')}>
                {appPassword.status === 'active' && (
                  <Button variant="ghost" onClick={() => onRevoke(appPassword)}>
                    {t('appPasswords.revoke')}
                    <span className="visually-hidden"> “{appPassword.name}”</span>
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
