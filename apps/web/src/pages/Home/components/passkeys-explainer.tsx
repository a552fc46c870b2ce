import { useTranslation } from '../../../i18n/use-translation';
import { Link } from '../../../router/links';

/** Passkeys are for the web only: mail programs keep using app passwords, whatever the user turns on. */
export function PasskeysExplainer() {
  const { t } = useTranslation();
  return (
    <section className="explainer" aria-labelledby="passkeys-mail-heading">
      <h2 id="passkeys-mail-heading">{t('passkeys.mail.title')}</h2>
      <p>{t('passkeys.mail.body')}</p>
      <p>
        {t('passkeys.mail.unchanged')} <Link to="/app-passwords">{t('passkeys.mail.appPasswordsLink')}</Link>
      </p>
    </section>
  );
}
