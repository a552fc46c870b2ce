import type { ListProtocolAccessResponse } from '@mailgate/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/alert';

interface MainPasswordNoticeProps {
  blockedBy: ListProtocolAccessResponse['mainPasswordBlockedBy'];
}

/** Explains why the account password is refused in mail programs, and offers the way out. */
export function MainPasswordNotice({ blockedBy }: MainPasswordNoticeProps) {
  const { t } = useTranslation();
  if (!blockedBy) return null;
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
