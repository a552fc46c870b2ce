import type { FormEvent } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { FormError } from '../../../components/alert';
import { Button } from '../../../components/button';
import { TextField } from '../../../components/form-field';

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

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    onSubmit({ email: String(data.get('email') ?? ''), password: String(data.get('password') ?? '') });
  }

  return (
    <form className="form" onSubmit={handleSubmit}>
      <FormError message={errorMessage} />
      <TextField
        label={t('signIn.email')}
        name="email"
        type="email"
        autoComplete="username"
        required
        spellCheck={false}
      />
      <TextField
        label={t('signIn.password')}
        name="password"
        type="password"
        autoComplete="current-password"
        required
      />
      <Button type="submit" variant="primary" pending={pending} pendingLabel={t('signIn.submitting')}>
        {t('signIn.submit')}
      </Button>
    </form>
  );
}
