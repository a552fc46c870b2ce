import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useRedeemPasswordReset } from '../../api/admin/password-reset';
import { isApiError } from '../../api/http';
import { PageTitle } from '../../components/page-title';
import { useErrorMessage } from '../../i18n/error-message';
import { readResetToken } from './reset-token';

const KNOWN_PROBLEMS = [
  'PASSWORD_TOO_LONG',
  'PASSWORD_TOO_SHORT',
  'PASSWORD_BLOCKLISTED',
  'PASSWORD_CONTAINS_CONTEXT',
  'PASSWORD_TOO_WEAK',
] as const;
type KnownProblem = (typeof KNOWN_PROBLEMS)[number];

/**
 * Where a one-time reset link from support leads (the user's end of the staff action; public).
 * The user chooses the new password here; support never sees it.
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
      <PageTitle title={t('admin.resetPage.title')} />
      <h1>{t('admin.resetPage.title')}</h1>
      {token ? (
        <ResetForm token={token} />
      ) : (
        <section className="card">
          <p role="alert">{t('admin.resetPage.noToken')}</p>
        </section>
      )}
    </div>
  );
}

function ResetForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const ids = { password: useId(), repeat: useId(), hint: useId() };
  const redeem = useRedeemPasswordReset();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (password !== repeat) return setMismatch(true);
    setMismatch(false);
    redeem.mutate({ token, newPassword: password });
  }

  if (redeem.isSuccess) {
    return (
      <section className="card">
        <p role="status">{t('admin.resetPage.done')}</p>
        <p>
          <Link to="/sign-in">{t('admin.resetPage.signIn')}</Link>
        </p>
      </section>
    );
  }

  const problems = isApiError(redeem.error)
    ? (redeem.error.issues ?? []).filter((issue) => (KNOWN_PROBLEMS as readonly string[]).includes(issue.code))
    : [];
  return (
    <section className="card">
      <p>{t('admin.resetPage.intro')}</p>
      <form className="form" onSubmit={handleSubmit}>
        <div role="alert" className={mismatch || redeem.error ? 'form-alert' : undefined}>
          {mismatch ? t('admin.resetPage.mismatch') : redeem.error ? errorMessage(redeem.error) : null}
          {problems.length > 0 && (
            <ul>
              {problems.map((issue) => (
                <li key={issue.code}>{t(`admin.resetPage.problems.${issue.code as KnownProblem}`)}</li>
              ))}
            </ul>
          )}
        </div>
        <div className="field">
          <label htmlFor={ids.password}>{t('admin.resetPage.newPassword')}</label>
          <input
            id={ids.password}
            type="password"
            autoComplete="new-password"
            required
            aria-describedby={ids.hint}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <p id={ids.hint} className="muted">
            {t('admin.resetPage.hint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={ids.repeat}>{t('admin.resetPage.repeat')}</label>
          <input
            id={ids.repeat}
            type="password"
            autoComplete="new-password"
            required
            aria-invalid={mismatch || undefined}
            value={repeat}
            onChange={(event) => setRepeat(event.target.value)}
          />
        </div>
        <button type="submit" className="button button--primary" disabled={redeem.isPending}>
          {redeem.isPending ? t('admin.common.working') : t('admin.resetPage.submit')}
        </button>
      </form>
    </section>
  );
}
