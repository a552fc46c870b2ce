import { RECOVERY_CODE_INPUT_MAX, TOTP_CODE_INPUT_MAX } from '@mailgate/contracts/values';
import { useEffect, useState, type FormEvent } from 'react';
import { Link } from '../../router/links';
import { useLocation, useNavigate } from '../../router/hooks';
import { useTranslation } from '../../i18n/use-translation';
import { usePasswordResetRules, useRedeemPasswordReset } from '../../api/admin/password-reset';
import { isApiError } from '../../api/http';
import { Alert, FormError } from '../../components/alert';
import { Button } from '../../components/button';
import { TextField } from '../../components/form-field';
import { PageTitle } from '../../components/page-title';
import { meterProblems, NewPasswordField } from '../../components/password/new-password-field';
import { usePasswordEvaluation, type EvaluationState } from '../../components/password/use-password-evaluation';
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

const NO_ACCOUNT_WORDS = { email: '', displayName: '' };

function ResetForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const rules = usePasswordResetRules(token);
  const redeem = useRedeemPasswordReset();
  const [password, setPassword] = useState('');
  const [blocked, setBlocked] = useState(false);
  // Judged with the account's own words, as the redemption will; without the rules the meter waits.
  const judged = usePasswordEvaluation(password, rules.data, rules.data?.account ?? NO_ACCOUNT_WORDS);
  // Rules that could not be read (offline, rate limited) leave the verdict to the server, as a meter
  // whose word lists failed to load does; it would otherwise say "checking" for ever.
  const evaluation: EvaluationState = rules.isError ? { status: 'unavailable' } : judged;
  const clientProblems = meterProblems(evaluation);
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [secondFactor, setSecondFactor] = useState<'totp' | 'recovery' | null>(null);
  const [code, setCode] = useState('');
  // Asked for once (SECOND_FACTOR_REQUIRED), the code field stays, also after a wrong code.
  const askSecondFactor = secondFactor !== null;
  const factorKind = secondFactor ?? 'totp';

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The meter already lists what is wrong; a round trip would only repeat it.
    if (clientProblems.length > 0) return setBlocked(true);
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

  // A link that no longer works is said at once, before anyone types a password for nothing.
  if (isApiError(rules.error) && rules.error.code === 'RESET_LINK_INVALID') {
    return (
      <Alert tone="error" live>
        <p>{errorMessage(rules.error)}</p>
      </Alert>
    );
  }

  // The same refusal as a password change: every broken rule, each in words.
  const serverProblems = isApiError(redeem.error) && redeem.error.problems?.length ? redeem.error.problems : null;
  const problems = blocked && clientProblems.length > 0 ? clientProblems : serverProblems;
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
        <NewPasswordField
          label={t('resetPage.newPassword')}
          advice={t('resetPage.hint')}
          type="password"
          value={password}
          onChange={(value) => {
            setPassword(value);
            setBlocked(false);
          }}
          rules={rules.data}
          evaluation={evaluation}
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
              maxLength={factorKind === 'totp' ? TOTP_CODE_INPUT_MAX : RECOVERY_CODE_INPUT_MAX}
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
