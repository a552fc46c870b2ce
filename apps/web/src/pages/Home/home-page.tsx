import type { ProtocolAccessItem } from '@mailgate/contracts';
import { useTranslation } from '../../i18n/use-translation';
import { Link } from '../../router/links';
import { useProtocolAccess } from '../../api/protocol-access/queries';
import { useFormat } from '../../i18n/format';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/query-state';
import { MainPasswordNotice } from './components/main-password-notice';
import { PasskeysExplainer } from './components/passkeys-explainer';
import { ProtocolCard } from './components/protocol-card';
import { SetupGuides } from './components/setup-guides';

/** "Mail programs": the portal's home, where IMAP, POP3 and SMTP are turned on and off. */
export function HomePage() {
  const { t } = useTranslation();
  const access = useProtocolAccess();
  const format = useFormat();

  function summary(protocols: ProtocolAccessItem[]): string {
    const on = protocols.filter((item) => item.effectiveEnabled).map((item) => item.protocol);
    if (on.length === 0) return t('protocols.summary.none');
    if (on.length === protocols.length) return t('protocols.summary.all');
    return t('protocols.summary.some', { list: format.list(on) });
  }
  return (
    <>
      <PageTitle title={t('protocols.title')} />
      <h1>{t('protocols.title')}</h1>
      <p className="lead">{t('protocols.intro')}</p>
      {access.data && <p className="lead">{summary(access.data.protocols)}</p>}
      <p>
        <Link className="button button--primary" to="/setup-device">
          {t('mailSetup.homeLink')}
        </Link>
      </p>
      <section className="explainer" aria-labelledby="why-off-heading">
        <h2 id="why-off-heading">{t('protocols.whyOff.title')}</h2>
        <p>{t('protocols.whyOff.body')}</p>
        <p>{t('guides.risk')}</p>
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
          <SetupGuides />
        </>
      )}
      <PasskeysExplainer />
    </>
  );
}
