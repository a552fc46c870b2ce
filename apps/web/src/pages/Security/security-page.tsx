import { useTranslation } from '../../i18n/use-translation';
import { PageTitle } from '../../components/page-title';
import { PasskeysSection } from './components/passkeys-section';
import { PasswordChangeForm } from './components/password-change-form';
import { RecoveryAddressSection } from './components/recovery-address-section';
import { ResetLinksSection } from './components/reset-links-section';
import { SessionsSection } from './components/sessions-section';
import { TotpSection } from './components/totp-section';

export function SecurityPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('security.title')} />
      <h1>{t('security.title')}</h1>
      <p className="lead">{t('security.intro')}</p>
      <div className="stack">
        <section className="card" aria-labelledby="password-heading">
          <h2 id="password-heading">{t('password.title')}</h2>
          <p className="muted">{t('password.intro')}</p>
          <PasswordChangeForm />
        </section>
        <section className="card" aria-labelledby="totp-heading">
          <h2 id="totp-heading">{t('totp.title')}</h2>
          <p className="muted">{t('totp.intro')}</p>
          <TotpSection />
        </section>
        <section className="card" aria-labelledby="recovery-heading">
          <h2 id="recovery-heading">{t('recovery.title')}</h2>
          <p className="muted">{t('recovery.intro')}</p>
          <RecoveryAddressSection />
        </section>
        <section className="card" aria-labelledby="passkeys-heading">
          <h2 id="passkeys-heading">{t('passkeys.title')}</h2>
          <p className="muted">{t('passkeys.intro')}</p>
          <PasskeysSection />
        </section>
        <section className="card" aria-labelledby="sessions-heading">
          <h2 id="sessions-heading">{t('sessions.title')}</h2>
          <p className="muted">{t('sessions.intro')}</p>
          <SessionsSection />
        </section>
        <section className="card" aria-labelledby="reset-links-heading">
          <h2 id="reset-links-heading">{t('resetLinks.title')}</h2>
          <p className="muted">{t('resetLinks.intro')}</p>
          <ResetLinksSection />
        </section>
      </div>
    </>
  );
}
