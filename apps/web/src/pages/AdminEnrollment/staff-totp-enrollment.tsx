import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useConfirmTotpEnrollment,
  useFinishTotpEnrollment,
  useStartTotpEnrollment,
  type TotpEnrollmentStart,
} from '../../api/admin/staff-totp';
import { isApiError } from '../../api/http';
import { PageTitle } from '../../components/page-title';
import { errorMessageKey } from '../../i18n/error-message';
import { OneTimeSecret } from '../Admin/components/one-time-secret';
import { useStepUpRetry } from '../Admin/components/use-step-up-retry';
import { RecoveryCodesList } from './components/recovery-codes-list';
import { TotpQrCode } from './components/totp-qr-code';

const CODE_PATTERN = /^\d{6}$/;

/** Groups the base32 key in fours, as authenticator apps show it (whatever grouping the server sent). */
export function groupKey(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

interface StaffTotpEnrollmentProps {
  /** Called after the recovery codes were acknowledged. */
  onEnrolled: () => void;
}

/**
 * The gate in front of the panel: a staff account without 2FA enrolls here, at its first visit,
 * and the server refuses every admin request (STAFF_TOTP_REQUIRED) until it has.
 */
export function StaffTotpEnrollment({ onEnrolled }: StaffTotpEnrollmentProps) {
  const { t } = useTranslation();
  const start = useStartTotpEnrollment();
  const confirm = useConfirmTotpEnrollment();
  const finish = useFinishTotpEnrollment();
  const [enrollment, setEnrollment] = useState<TotpEnrollmentStart | null>(null);
  // Starting enrollment needs a recent confirmation; without 2FA yet, that is the password.
  const stepUp = useStepUpRetry('password');

  function begin() {
    start.mutate(undefined, {
      onSuccess: setEnrollment,
      onError: (error) => {
        if (stepUp.handle(error, begin)) start.reset();
      },
    });
  }

  const startError = start.error ? t(errorMessageKey(isApiError(start.error) ? start.error.code : 'UNKNOWN')) : null;

  return (
    <div className="admin-enroll">
      <PageTitle title={t('admin.enroll.title')} />
      <h1>{t('admin.enroll.title')}</h1>
      <p className="lead">{t('admin.enroll.intro')}</p>
      {confirm.data ? (
        <RecoveryCodesList
          codes={confirm.data.recoveryCodes}
          onDone={() => {
            onEnrolled();
            void finish();
          }}
        />
      ) : enrollment ? (
        <ScanAndConfirm enrollment={enrollment} confirm={confirm} />
      ) : (
        <section className="card admin-stack">
          <p>{t('admin.enroll.needApp')}</p>
          <div role="alert" className={startError ? 'form-alert' : undefined}>
            {startError}
          </div>
          <div>
            <button type="button" className="button button--primary" disabled={start.isPending} onClick={begin}>
              {start.isPending ? t('admin.common.working') : t('admin.enroll.begin')}
            </button>
          </div>
          {stepUp.dialog}
        </section>
      )}
    </div>
  );
}

function ScanAndConfirm({
  enrollment,
  confirm,
}: {
  enrollment: TotpEnrollmentStart;
  confirm: ReturnType<typeof useConfirmTotpEnrollment>;
}) {
  const { t } = useTranslation();
  const codeId = useId();
  const hintId = useId();
  const headingId = useId();
  const [code, setCode] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const digits = code.replace(/\s+/g, '');
    if (!CODE_PATTERN.test(digits)) return setLocalError(t('admin.enroll.codeFormat'));
    setLocalError(null);
    confirm.mutate(digits);
  }

  // Unknown codes from the portal's TOTP endpoints (wrong or reused code) read as "that code did not work".
  const serverError = confirm.error
    ? isApiError(confirm.error) &&
      confirm.error.status === 400 &&
      errorMessageKey(confirm.error.code) === 'errors.UNKNOWN'
      ? t('admin.enroll.codeRejected')
      : t(errorMessageKey(isApiError(confirm.error) ? confirm.error.code : 'UNKNOWN'))
    : null;
  const shownError = localError ?? serverError;

  return (
    <section className="card admin-stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('admin.enroll.scanTitle')}</h2>
      <ol className="admin-steps">
        <li>{t('admin.enroll.stepScan')}</li>
        <li>{t('admin.enroll.stepManual')}</li>
        <li>{t('admin.enroll.stepCode')}</li>
      </ol>
      <div className="admin-enroll__secret">
        <TotpQrCode otpauthUri={enrollment.otpauthUri} />
        <OneTimeSecret
          label={t('admin.enroll.manualKey')}
          value={groupKey(enrollment.manualKey)}
          notice={t('admin.enroll.manualKeyHint')}
        />
      </div>
      <form className="form" onSubmit={handleSubmit} noValidate>
        <div role="alert" className={shownError ? 'form-alert' : undefined}>
          {shownError}
        </div>
        <div className="field admin-field--short">
          <label htmlFor={codeId}>{t('admin.enroll.codeLabel')}</label>
          <input
            id={codeId}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            aria-describedby={hintId}
            aria-invalid={localError ? true : undefined}
            value={code}
            onChange={(event) => setCode(event.target.value)}
          />
          <p id={hintId} className="admin-hint">
            {t('admin.enroll.codeHint')}
          </p>
        </div>
        <div>
          <button type="submit" className="button button--primary" disabled={confirm.isPending}>
            {confirm.isPending ? t('admin.common.working') : t('admin.enroll.confirm')}
          </button>
        </div>
      </form>
    </section>
  );
}
