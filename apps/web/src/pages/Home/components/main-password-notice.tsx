import type { ListProtocolAccessResponse } from '@mailgate/contracts';
import { useTranslation } from '../../../i18n/use-translation';
import { Link } from '../../../router/links';
import { Alert } from '../../../components/alert';

interface MainPasswordNoticeProps {
  blockedBy: ListProtocolAccessResponse['mainPasswordBlockedBy'];
}

/**
 * What the account password means for mail programs: refused there (2FA on, or the provider's rule),
 * with the way out; or, with 2FA off, the very password mail programs use, so it must be strong.
 */
export function MainPasswordNotice({ blockedBy }: MainPasswordNoticeProps) {
  const { t } = useTranslation();
  if (!blockedBy)
    return (
      <Alert
        tone="info"
        title={t('guides.sharedPassword.title')}
        actions={
          <>
            <Link className="button button--primary" to="/app-passwords?create=1">
              {t('guides.sharedPassword.appPasswords')}
            </Link>
            <Link className="button button--secondary" to="/security">
              {t('guides.sharedPassword.security')}
            </Link>
          </>
        }
      >
        <p>{t('guides.sharedPassword.body')}</p>
        <p>{t('guides.sharedPassword.advice')}</p>
      </Alert>
    );
  return (
    <Alert
      tone="info"
      title={t('protocols.totpNotice.title')}
      actions={
        <Link className="button button--primary" to="/app-passwords?create=1">
          {t('protocols.totpNotice.create')}
        </Link>
      }
    >
      <p>{blockedBy === 'TOTP_ENABLED' ? t('protocols.totpNotice.totp') : t('protocols.totpNotice.admin')}</p>
    </Alert>
  );
}
