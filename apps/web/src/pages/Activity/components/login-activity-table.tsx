import type { LoginActivity } from '@mailgate/contracts';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { credentialText, reasonText } from './activity-text';

export function LoginActivityTable({ logins }: { logins: LoginActivity[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="table-scroll">
      <table className="data-table">
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
              <td>
                <time dateTime={login.time}>{format.dateTime(login.time)}</time>
                {login.count > 1 && (
                  <div className="muted">
                    {t('activity.logins.repeated', { count: login.count, first: format.dateTime(login.firstTime) })}
                  </div>
                )}
              </td>
              <td>{login.protocol ?? t('activity.logins.unknownProtocol')}</td>
              <td>{login.clientIp ?? t('activity.logins.unknownIp')}</td>
              <td>
                <span className={`badge badge--${login.result.toLowerCase()}`}>
                  {t(`activity.result.${login.result}`)}
                </span>
              </td>
              <td>{reasonText(t, login.reasonCode)}</td>
              <td>{credentialText(t, login)}</td>
              <td>{login.secured ? t('common.yes') : t('common.no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
