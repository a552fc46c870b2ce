import { useTranslation } from '../../../i18n/use-translation';
import { Link } from '../../../router/links';
import { PageTitle } from '../../../components/page-title';
import { PasskeyStepUp } from '../../../components/step-up/passkey-step-up';

/**
 * An admin requires passkeys for staff and this session was not confirmed with one: one touch on
 * the passkey opens the panel; without a passkey yet, the security page is where to add one.
 */
export function StaffPasskeyGate({ onConfirmed }: { onConfirmed: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('passkeys.staffGate.title')} />
      <h1>{t('passkeys.staffGate.title')}</h1>
      <section className="card form">
        <p>{t('passkeys.staffGate.body')}</p>
        <PasskeyStepUp onConfirmed={onConfirmed} />
        <p className="muted">
          {t('passkeys.staffGate.noPasskey')} <Link to="/security">{t('passkeys.staffGate.securityLink')}</Link>
        </p>
      </section>
    </>
  );
}
