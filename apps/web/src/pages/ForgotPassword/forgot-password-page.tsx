import { useState, type FormEvent } from 'react';
import { Link } from '../../router/links';
import { useTranslation } from '../../i18n/use-translation';
import { useRequestPasswordReset } from '../../api/recovery/mutations';
import { Alert, FormError } from '../../components/alert';
import { Button } from '../../components/button';
import { TextField } from '../../components/form-field';
import { PageTitle } from '../../components/page-title';
import { useActionError } from '../../i18n/error-message';

/** "Forgot password": the answer is the same for every address, so the page says "if". */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const actionError = useActionError();
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState('');

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    request.mutate({ email });
  }

  return (
    <div className="narrow">
      <PageTitle title={t('recovery.forgotTitle')} />
      <h1>{t('recovery.forgotTitle')}</h1>
      {request.isSuccess ? (
        <Alert tone="success" live>
          <p>{t('recovery.forgotDone')}</p>
        </Alert>
      ) : (
        <section className="card">
          <p>{t('recovery.forgotIntro')}</p>
          <form className="form" onSubmit={handleSubmit}>
            <FormError message={actionError(request.error)} />
            <TextField
              label={t('recovery.forgotEmail')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
            <div>
              <Button type="submit" variant="primary" pending={request.isPending}>
                {t('recovery.forgotSubmit')}
              </Button>
            </div>
          </form>
        </section>
      )}
      <p>
        <Link to="/sign-in">{t('recovery.backToSignIn')}</Link>
      </p>
    </div>
  );
}
