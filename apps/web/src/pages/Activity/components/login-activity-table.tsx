import type { LoginActivity } from '@mailgate/contracts';
import { useTranslation } from '../../../i18n/use-translation';
import { useFormat } from '../../../i18n/format';
import { credentialText, reasonText } from './activity-text';
import { ScrollBox } from '../../../components/scroll-box';

export function LoginActivityTable({ logins }: { logins: LoginActivity[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ScrollBox className="table-scroll">
      <table className="data-table data-table--stack">
        <caption className="visually-hidden">{t('activity.logins.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('activity.logins.time')}</th>
            <th scope="col">{t('activity.logins.protocol')}</th>
            <th scope="col">{t('activity.logins.clientIp')}</th>
            <th scope="col">{t('activity.logins.result')}</th>
            <th scope="col">{t('activity.logins.reason')}</th>
            <th scope="col">{t('activity.logins.credential')}</th>
            <th scope="col">{t('activity.logins.encrypted')}</th>
          </tr>
        </thead>
        <tbody>
          {logins.map((login) => (
            <tr key={login.id}>
              <td data-label={t('activity.logins.time')}>
                <time dateTime={login.time}>{format.dateTime(login.time)}</time>
                {login.count > 1 && (
                  <div className="muted">
                    {t('activity.logins.repeated', { count: login.count, first: format.dateTime(login.firstTime) })}
                  </div>
                )}
              </td>
              <td data-label={t('activity.logins.protocol')}>
                {login.protocol ?? t('activity.logins.unknownProtocol')}
              </td>
              <td data-label={t('activity.logins.clientIp')}>{login.clientIp ?? t('activity.logins.unknownIp')}</td>
              <td data-label={t('activity.logins.result')}>
                <span className={`badge badge--${login.result.toLowerCase()}`}>
                  {t(`activity.result.${login.result}`)}
                </span>
              </td>
              <td data-label={t('activity.logins.reason')}>{reasonText(t, login.reasonCode)}</td>
              <td data-label={t('activity.logins.credential')}>{credentialText(t, login)}</td>
              <td data-label={t('activity.logins.encrypted')}>{login.secured ? t('common.yes') : t('common.no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
