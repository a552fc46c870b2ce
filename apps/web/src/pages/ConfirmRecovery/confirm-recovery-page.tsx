import { useEffect, useRef, useState } from 'react';
import { Link } from '../../router/links';
import { useLocation, useNavigate } from '../../router/hooks';
import { useTranslation } from '../../i18n/use-translation';
import { useConfirmRecoveryAddress } from '../../api/recovery/mutations';
import { Alert } from '../../components/alert';
import { PageTitle } from '../../components/page-title';
import { LoadingState } from '../../components/query-state';
import { useActionError } from '../../i18n/error-message';
import { readResetToken } from '../PasswordReset/reset-token';

/** Where the confirmation link leads (public): confirms once, then shows the result. */
export function ConfirmRecoveryPage() {
  const { t } = useTranslation();
  const actionError = useActionError();
  const location = useLocation();
  const navigate = useNavigate();
  // The token rides in the fragment like a reset link's; read once, then removed from the address bar.
  const [token] = useState(() => readResetToken(location.hash));
  const confirm = useConfirmRecoveryAddress();
  const sent = useRef(false);
  useEffect(() => {
    if (location.hash) void navigate({ pathname: location.pathname }, { replace: true });
  }, [location.hash, location.pathname, navigate]);
  useEffect(() => {
    // Once only (React's strict mode runs effects twice; the token works once).
    if (!token || sent.current) return;
    sent.current = true;
    confirm.mutate({ token });
  }, [token, confirm]);

  return (
    <div className="narrow">
      <PageTitle title={t('recovery.confirmTitle')} />
      <h1>{t('recovery.confirmTitle')}</h1>
      {!token ? (
        <Alert tone="error" live>
          <p>{t('recovery.confirmNoToken')}</p>
        </Alert>
      ) : confirm.isSuccess ? (
        <Alert tone="success" live>
          <p>{t('recovery.confirmed', { address: confirm.data.address })}</p>
        </Alert>
      ) : confirm.isError ? (
        <Alert tone="error" live>
          <p>{actionError(confirm.error)}</p>
        </Alert>
      ) : (
        <LoadingState label={t('recovery.confirming')} />
      )}
      <p>
        <Link to="/">{t('recovery.goHome')}</Link>
      </p>
    </div>
  );
}
