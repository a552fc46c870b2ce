import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface SignInValues {
  email: string;
  password: string;
}

interface SignInFormProps {
  onSubmit: (values: SignInValues) => void;
  pending: boolean;
  /** Already translated; shown above the fields and announced to screen readers. */
  errorMessage: string | null;
}

export function SignInForm({ onSubmit, pending, errorMessage }: SignInFormProps) {
  const { t } = useTranslation();
  const emailId = useId();
  const passwordId = useId();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    onSubmit({ email: String(data.get('email') ?? ''), password: String(data.get('password') ?? '') });
  }

  return (
    <form className="form" onSubmit={handleSubmit}>
      {/* Always rendered so the alert region exists before its text appears; some screen readers
          ignore live regions that are inserted together with their content. */}
      <div role="alert" className={errorMessage ? 'form-alert' : undefined}>
        {errorMessage}
      </div>
      <div className="field">
        <label htmlFor={emailId}>{t('signIn.email')}</label>
        <input id={emailId} name="email" type="email" autoComplete="username" required spellCheck={false} />
      </div>
      <div className="field">
        <label htmlFor={passwordId}>{t('signIn.password')}</label>
        <input id={passwordId} name="password" type="password" autoComplete="current-password" required />
      </div>
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? t('signIn.submitting') : t('signIn.submit')}
      </button>
    </form>
  );
}
