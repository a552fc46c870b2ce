import { useEffect, useState, type FormEvent } from 'react';
import { Link } from '../../router/links';
import { useLocation, useNavigate } from '../../router/hooks';
import { useTranslation } from '../../i18n/use-translation';
import { useRedeemPasswordReset } from '../../api/admin/password-reset';
import { isApiError } from '../../api/http';
import { Alert, FormError } from '../../components/alert';
import { Button } from '../../components/button';
import { TextField } from '../../components/form-field';
import { PageTitle } from '../../components/page-title';
import { errorMessageKey, useErrorMessage } from '../../i18n/error-message';
import { readResetToken } from './reset-token';

/**
 * Where a one-time reset link leads (mailed to the recovery address, or handed over by an admin;
 * public). The user chooses the new password here; staff never see it. With 2FA on, a link the
 * user asked for also needs a code: the fields appear once the server asks for one.
 */
export function PasswordResetPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  // Read once, then taken out of the address bar so it is not left in history or a screenshot.
  const [token] = useState(() => readResetToken(location.hash));
  useEffect(() => {
    if (location.hash) void navigate({ pathname: location.pathname, search: location.search }, { replace: true });
  }, [location.hash, location.pathname, location.search, navigate]);

  return (
    <div className="narrow">
      <PageTitle title={t('resetPage.title')} />
      <h1>{t('resetPage.title')}</h1>
      {token ? (
        <ResetForm token={token} />
      ) : (
        <Alert tone="error" live>
          <p>{t('resetPage.noToken')}</p>
        </Alert>
      )}
    </div>
  );
}

function ResetForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const redeem = useRedeemPasswordReset();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [secondFactor, setSecondFactor] = useState<'totp' | 'recovery' | null>(null);
  const [code, setCode] = useState('');
  // Asked for once (SECOND_FACTOR_REQUIRED), the code field stays, also after a wrong code.
  const askSecondFactor = secondFactor !== null;
  const factorKind = secondFactor ?? 'totp';

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (password !== repeat) return setMismatch(true);
    setMismatch(false);
    const factor = askSecondFactor && code ? (factorKind === 'totp' ? { totpCode: code } : { recoveryCode: code }) : {};
    redeem.mutate(
      { token, newPassword: password, ...factor },
      {
        onError: (error) => {
          if (isApiError(error) && error.code === 'SECOND_FACTOR_REQUIRED' && secondFactor === null) {
            setSecondFactor('totp');
          }
        },
      },
    );
  }

  if (redeem.isSuccess) {
    return (
      <Alert tone="success" live>
        <p>{t('resetPage.done')}</p>
        <p>
          <Link to="/sign-in">{t('resetPage.signIn')}</Link>
        </p>
      </Alert>
    );
  }

  // The same refusal as a password change: every broken rule, each in words.
  const problems = isApiError(redeem.error) && redeem.error.problems?.length ? redeem.error.problems : null;
  const errorText = problems
    ? problems.map((code) => t(errorMessageKey(code))).join(' ')
    : redeem.error
      ? errorMessage(redeem.error)
      : null;
  return (
    <section className="card">
      <p>{t('resetPage.intro')}</p>
      <form className="form" onSubmit={handleSubmit}>
        <FormError message={mismatch ? t('resetPage.mismatch') : errorText} />
        <TextField
          label={t('resetPage.newPassword')}
          hint={t('resetPage.hint')}
          type="password"
          autoComplete="new-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <TextField
          label={t('resetPage.repeat')}
          type="password"
          autoComplete="new-password"
          required
          value={repeat}
          onChange={(event) => setRepeat(event.target.value)}
        />
        {askSecondFactor && (
          <>
            <p>{t('recovery.resetSecondFactor')}</p>
            <TextField
              key={factorKind}
              label={factorKind === 'totp' ? t('recovery.resetCode') : t('recovery.resetRecoveryCode')}
              inputMode={factorKind === 'totp' ? 'numeric' : 'text'}
              autoComplete={factorKind === 'totp' ? 'one-time-code' : 'off'}
              spellCheck={false}
              maxLength={64}
              required
              value={code}
              onChange={(event) => setCode(event.target.value)}
            />
            <div>
              <Button
                variant="ghost"
                onClick={() => {
                  setSecondFactor(factorKind === 'totp' ? 'recovery' : 'totp');
                  setCode('');
                }}
              >
                {factorKind === 'totp' ? t('recovery.useRecoveryCode') : t('recovery.useAuthenticator')}
              </Button>
            </div>
          </>
        )}
        <div>
          <Button type="submit" variant="primary" pending={redeem.isPending} pendingLabel={t('resetPage.submitting')}>
            {t('resetPage.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
