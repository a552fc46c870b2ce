import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStepUp } from '../../../api/admin/step-up';
import { isApiError } from '../../../api/http';
import { errorMessageKey } from '../../../i18n/error-message';
import { AdminDialog } from './admin-dialog';

export const STEP_UP_REQUIRED = 'STEP_UP_REQUIRED';

// The portal's step-up codes (STEP_UP_FAILED, ...) are translated by the portal's catalogue once
// merged; until then a refused confirmation still reads as one, not as a generic failure.
function stepUpErrorKey(error: unknown) {
  const key = errorMessageKey(isApiError(error) ? error.code : 'UNKNOWN');
  return key === 'errors.UNKNOWN' && isApiError(error) && error.status >= 400 && error.status < 500
    ? 'admin.stepUp.failed'
    : key;
}

export function isStepUpRequired(error: unknown): boolean {
  return isApiError(error) && error.code === STEP_UP_REQUIRED;
}

interface StepUpDialogProps {
  open: boolean;
  /** Staff with 2FA confirm with a code; only during enrollment (no 2FA yet) with the password. */
  method: 'totp' | 'password';
  onConfirmed: () => void;
  onClose: () => void;
}

/** "Confirm it is you", asked when the server answers STEP_UP_REQUIRED; the action then runs again. */
export function StepUpDialog({ open, method, onConfirmed, onClose }: StepUpDialogProps) {
  const { t } = useTranslation();
  return (
    <AdminDialog open={open} title={t('admin.stepUp.title')} onClose={onClose}>
      {open && <StepUpForm method={method} onConfirmed={onConfirmed} onClose={onClose} />}
    </AdminDialog>
  );
}

function StepUpForm({ method, onConfirmed, onClose }: Omit<StepUpDialogProps, 'open'>) {
  const { t } = useTranslation();
  const fieldId = useId();
  const stepUp = useStepUp();
  const [value, setValue] = useState('');

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = method === 'totp' ? { totpCode: value.replace(/\s+/g, '') } : { password: value };
    stepUp.mutate(body, { onSuccess: onConfirmed });
  }

  return (
    <form className="form" onSubmit={handleSubmit}>
      <p>{method === 'totp' ? t('admin.stepUp.introTotp') : t('admin.stepUp.introPassword')}</p>
      <div role="alert" className={stepUp.error ? 'form-alert' : undefined}>
        {stepUp.error ? t(stepUpErrorKey(stepUp.error)) : null}
      </div>
      <div className="field">
        <label htmlFor={fieldId}>{method === 'totp' ? t('admin.stepUp.code') : t('admin.stepUp.password')}</label>
        {method === 'totp' ? (
          <input
            id={fieldId}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            required
            value={value}
            onChange={(event) => setValue(event.target.value)}
          />
        ) : (
          <input
            id={fieldId}
            type="password"
            autoComplete="current-password"
            required
            value={value}
            onChange={(event) => setValue(event.target.value)}
          />
        )}
      </div>
      <div className="admin-actions">
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('admin.common.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={stepUp.isPending}>
          {stepUp.isPending ? t('admin.common.working') : t('admin.stepUp.confirm')}
        </button>
      </div>
    </form>
  );
}
