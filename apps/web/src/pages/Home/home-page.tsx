import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useProtocolAccess } from '../../api/protocol-access/queries';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/query-state';
import { MainPasswordNotice } from './components/main-password-notice';
import { PasskeysExplainer } from './components/passkeys-explainer';
import { ProtocolCard } from './components/protocol-card';

/** "Mail programs": the portal's home, where IMAP, POP3 and SMTP are turned on and off. */
export function HomePage() {
  const { t } = useTranslation();
  const access = useProtocolAccess();
  return (
    <>
      <PageTitle title={t('protocols.title')} />
      <h1>{t('protocols.title')}</h1>
      <p className="lead">{t('protocols.intro')}</p>
      <p>
        <Link className="button button--primary" to="/setup-device">
          {t('mailSetup.homeLink')}
        </Link>
      </p>
      <section className="explainer" aria-labelledby="why-off-heading">
        <h2 id="why-off-heading">{t('protocols.whyOff.title')}</h2>
        <p>{t('protocols.whyOff.body')}</p>
        <p>{t('protocols.whyOff.advice')}</p>
      </section>
      {access.isPending && <LoadingState />}
      {access.isError && (
        <ErrorState error={access.error} onRetry={() => void access.refetch()} retrying={access.isFetching} />
      )}
      {access.data && (
        <>
          <MainPasswordNotice blockedBy={access.data.mainPasswordUsable ? null : access.data.mainPasswordBlockedBy} />
          <div className="protocol-grid">
            {access.data.protocols.map((item) => (
              <ProtocolCard key={item.protocol} item={item} mainPasswordUsable={access.data.mainPasswordUsable} />
            ))}
          </div>
        </>
      )}
      <PasskeysExplainer />
    </>
  );
}
