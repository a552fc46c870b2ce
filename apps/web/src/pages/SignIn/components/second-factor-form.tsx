import { RECOVERY_CODE_INPUT_MAX, TOTP_CODE_INPUT_MAX } from '@mailgate/contracts/values';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { FormError } from '../../../components/alert';
import { Button } from '../../../components/button';
import { TextField } from '../../../components/form-field';

export type SecondFactor = { code: string } | { recoveryCode: string };

interface SecondFactorFormProps {
  onSubmit: (value: SecondFactor) => void;
  onStartOver: () => void;
  pending: boolean;
  errorMessage: string | null;
}

/** The second step of a sign-in with 2FA: a code from the app, or one of the recovery codes. */
export function SecondFactorForm({ onSubmit, onStartOver, pending, errorMessage }: SecondFactorFormProps) {
  const { t } = useTranslation();
  const [useRecovery, setUseRecovery] = useState(false);
  // An error belongs to the mode it was made in: a wrong app code must not greet the recovery field.
  const [submittedInRecovery, setSubmittedInRecovery] = useState(false);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get('code') ?? '');
    setSubmittedInRecovery(useRecovery);
    onSubmit(useRecovery ? { recoveryCode: value } : { code: value });
  }

  return (
    <form className="form" onSubmit={handleSubmit}>
      <h2>{t('signIn.secondStepTitle')}</h2>
      <p>{useRecovery ? t('signIn.recoveryIntro') : t('signIn.secondStepIntro')}</p>
      <FormError message={submittedInRecovery === useRecovery ? errorMessage : null} />
      {useRecovery ? (
        <TextField
          key="recovery"
          label={t('signIn.recoveryCode')}
          name="code"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="characters"
          maxLength={RECOVERY_CODE_INPUT_MAX}
          required
          // The user just asked for this field; put the cursor there.
          // eslint-disable-next-line jsx-a11y/no-autofocus
          autoFocus
        />
      ) : (
        <TextField
          key="totp"
          label={t('signIn.code')}
          hint={t('signIn.codeHint')}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={TOTP_CODE_INPUT_MAX}
          required
          // eslint-disable-next-line jsx-a11y/no-autofocus
          autoFocus
        />
      )}
      <Button type="submit" variant="primary" pending={pending} pendingLabel={t('signIn.verifying')}>
        {t('signIn.verify')}
      </Button>
      <div className="button-row">
        <Button variant="ghost" onClick={() => setUseRecovery((current) => !current)}>
          {useRecovery ? t('signIn.useAuthenticator') : t('signIn.useRecoveryCode')}
        </Button>
        <Button variant="ghost" onClick={onStartOver}>
          {t('signIn.startOver')}
        </Button>
      </div>
    </form>
  );
}
