import { TOTP_CODE_INPUT_MAX } from '@mailgate/contracts/values';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useStepUp } from '../../api/auth/mutations';
import { useMe } from '../../api/auth/queries';
import { PasskeyStepUp } from './passkey-step-up';
import { isApiError } from '../../api/http';
import { useErrorMessage } from '../../i18n/error-message';
import { FormError } from '../alert';
import { Button } from '../button';
import { Dialog } from '../dialog';
import { TextField } from '../form-field';

interface StepUpDialogProps {
  open: boolean;
  onConfirmed: () => void;
  onCancel: () => void;
}

export function StepUpDialog({ open, onConfirmed, onCancel }: StepUpDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onCancel} title={t('stepUp.title')}>
      <StepUpForm onConfirmed={onConfirmed} onCancel={onCancel} />
    </Dialog>
  );
}

type Method = 'password' | 'totp';

function StepUpForm({ onConfirmed, onCancel }: Omit<StepUpDialogProps, 'open'>) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const me = useMe();
  const stepUp = useStepUp();
  // The server has the last word: if our idea of "2FA on" is stale, it tells us which one it wants.
  const [override, setOverride] = useState<Method | 'passkey-only' | null>(null);
  const hasPasskeys = (me.data?.passkeyCount ?? 0) > 0 || override === 'passkey-only';
  // With passkeys and no TOTP, a passkey is the only proof the server accepts: no text field.
  const passkeyOnly = override === 'passkey-only' || (override === null && hasPasskeys && !me.data?.totpEnabled);
  const method: Method =
    override === 'totp' || override === 'password' ? override : me.data?.totpEnabled ? 'totp' : 'password';

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get('secret') ?? '');
    stepUp.mutate(method === 'totp' ? { totpCode: value } : { password: value }, {
      onSuccess: onConfirmed,
      onError: (error) => {
        if (!isApiError(error)) return;
        if (error.code === 'STEP_UP_TOTP_REQUIRED') setOverride('totp');
        if (error.code === 'STEP_UP_PASSWORD_REQUIRED') setOverride('password');
        if (error.code === 'STEP_UP_PASSKEY_REQUIRED') setOverride('passkey-only');
      },
    });
  }

  const passkey = hasPasskeys ? <PasskeyStepUp onConfirmed={onConfirmed} /> : null;
  if (passkeyOnly) {
    return (
      <div className="form">
        {passkey}
        <div className="button-row">
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
        </div>
      </div>
    );
  }

  return (
    <form className="form" onSubmit={handleSubmit} noValidate>
      {passkey}
      <p>{method === 'totp' ? t('stepUp.totpIntro') : t('stepUp.passwordIntro')}</p>
      <FormError message={stepUp.error ? errorMessage(stepUp.error) : null} />
      {method === 'totp' ? (
        <TextField
          key="totp"
          label={t('stepUp.code')}
          name="secret"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          maxLength={TOTP_CODE_INPUT_MAX}
          required
        />
      ) : (
        <TextField
          key="password"
          label={t('stepUp.password')}
          name="secret"
          type="password"
          autoComplete="current-password"
          required
        />
      )}
      <div className="button-row">
        <Button type="submit" variant="primary" pending={stepUp.isPending} pendingLabel={t('stepUp.submitting')}>
          {t('stepUp.submit')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
