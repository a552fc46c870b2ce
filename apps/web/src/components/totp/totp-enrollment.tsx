import type { StartTotpEnrollmentResponse } from '@mailgate/contracts';
import { TOTP_CODE_INPUT_MAX } from '@mailgate/contracts/values';
import { useId, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useConfirmTotpEnrollment } from '../../api/totp/mutations';
import { FormError } from '../alert';
import { Button } from '../button';
import { CopyButton } from '../copy-button';
import { TextField } from '../form-field';
import { useActionError } from '../../i18n/error-message';
import { RecoveryCodes } from './recovery-codes';
import { TotpQrCode } from './totp-qr-code';

interface TotpEnrollmentProps {
  enrollment: StartTotpEnrollmentResponse;
  onCancel: () => void;
  onDone: () => void;
}

/** Scan (or type) the secret, prove it works with a code, then save the recovery codes. */
export function TotpEnrollment({ enrollment, onCancel, onDone }: TotpEnrollmentProps) {
  const { t } = useTranslation();
  const actionError = useActionError();
  const confirm = useConfirmTotpEnrollment();
  const keyId = useId();

  if (confirm.data) return <RecoveryCodes codes={confirm.data.recoveryCodes} onDone={onDone} />;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    confirm.mutate({ code: String(new FormData(event.currentTarget).get('code') ?? '') });
  }

  return (
    <form className="form" onSubmit={handleSubmit} noValidate>
      <p>{t('totp.enroll.step1')}</p>
      <TotpQrCode uri={enrollment.otpauthUri} />
      <p>{t('totp.enroll.step2')}</p>
      <div className="field">
        <label htmlFor={keyId}>{t('totp.enroll.manualKey')}</label>
        <div className="secret-box">
          <input
            id={keyId}
            className="secret-box__value"
            value={enrollment.manualKey}
            readOnly
            spellCheck={false}
            autoComplete="off"
            onFocus={(event) => event.currentTarget.select()}
          />
          <CopyButton value={enrollment.manualKey.replace(/\s+/g, '')} label={t('totp.enroll.copyKey')} />
        </div>
      </div>
      <p>{t('totp.enroll.step3')}</p>
      <FormError message={actionError(confirm.error)} />
      <TextField
        label={t('totp.enroll.code')}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={TOTP_CODE_INPUT_MAX}
        required
      />
      <div className="button-row">
        <Button type="submit" variant="primary" pending={confirm.isPending} pendingLabel={t('totp.enroll.confirming')}>
          {t('totp.enroll.confirm')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
