import type { StartTotpEnrollmentResponse } from '@mailgate/contracts';
import { useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { useTotpStatus } from '../../../api/totp/queries';
import { useDisableTotp, useRegenerateRecoveryCodes, useStartTotpEnrollment } from '../../../api/totp/mutations';
import { FormError } from '../../../components/alert';
import { Button } from '../../../components/button';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { Dialog } from '../../../components/dialog';
import { ErrorState, LoadingState } from '../../../components/query-state';
import { useToast } from '../../../components/toast';
import { useActionError } from '../../../i18n/error-message';
import { useFormat } from '../../../i18n/format';
import { RecoveryCodes } from '../../../components/totp/recovery-codes';
import { TotpEnrollment } from '../../../components/totp/totp-enrollment';

export function TotpSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const actionError = useActionError();
  const status = useTotpStatus();
  const start = useStartTotpEnrollment();
  const regenerate = useRegenerateRecoveryCodes();
  const disable = useDisableTotp();
  const [enrollment, setEnrollment] = useState<StartTotpEnrollmentResponse | null>(null);
  const [confirming, setConfirming] = useState<'disable' | 'regenerate' | null>(null);

  if (status.isPending) return <LoadingState />;
  if (status.isError) {
    return <ErrorState error={status.error} onRetry={() => void status.refetch()} retrying={status.isFetching} />;
  }
  const { enabled, enabledAt, recoveryCodesRemaining } = status.data;

  return (
    <div className="form">
      <p>
        <strong>
          {enabled && enabledAt ? t('totp.statusOn', { date: format.date(enabledAt) }) : t('totp.statusOff')}
        </strong>{' '}
        {enabled && t('totp.recoveryLeft', { count: recoveryCodesRemaining })}
      </p>
      <p className="muted">{t('totp.mailProgramsHint')}</p>
      <FormError message={actionError(start.error) ?? actionError(regenerate.error) ?? actionError(disable.error)} />
      <div className="button-row">
        {enabled ? (
          <>
            <Button onClick={() => setConfirming('regenerate')}>{t('totp.regenerate')}</Button>
            <Button variant="danger" onClick={() => setConfirming('disable')}>
              {t('totp.disable')}
            </Button>
          </>
        ) : (
          <Button
            variant="primary"
            pending={start.isPending}
            pendingLabel={t('totp.starting')}
            onClick={() => start.mutate(undefined, { onSuccess: setEnrollment })}
          >
            {t('totp.enable')}
          </Button>
        )}
      </div>

      <Dialog open={enrollment !== null} onClose={() => setEnrollment(null)} title={t('totp.enroll.title')}>
        {enrollment && (
          <TotpEnrollment
            enrollment={enrollment}
            onCancel={() => setEnrollment(null)}
            onDone={() => {
              setEnrollment(null);
              toast.show(t('totp.enabled'));
            }}
          />
        )}
      </Dialog>

      <Dialog open={regenerate.data !== undefined} onClose={() => regenerate.reset()} title={t('totp.recovery.title')}>
        {regenerate.data && <RecoveryCodes codes={regenerate.data.recoveryCodes} onDone={() => regenerate.reset()} />}
      </Dialog>

      <ConfirmDialog
        open={confirming === 'regenerate'}
        title={t('totp.confirmRegenerate.title')}
        body={<p>{t('totp.confirmRegenerate.body')}</p>}
        confirmLabel={t('totp.confirmRegenerate.confirm')}
        pendingLabel={t('totp.regenerating')}
        pending={regenerate.isPending}
        error={actionError(regenerate.error)}
        onConfirm={() => regenerate.mutate(undefined, { onSuccess: () => setConfirming(null) })}
        onCancel={() => setConfirming(null)}
      />
      <ConfirmDialog
        open={confirming === 'disable'}
        title={t('totp.confirmDisable.title')}
        body={<p>{t('totp.confirmDisable.body')}</p>}
        confirmLabel={t('totp.confirmDisable.confirm')}
        pendingLabel={t('totp.confirmDisable.pending')}
        pending={disable.isPending}
        error={actionError(disable.error)}
        onConfirm={() =>
          disable.mutate(undefined, {
            onSuccess: () => {
              setConfirming(null);
              toast.show(t('totp.disabled'));
            },
          })
        }
        onCancel={() => setConfirming(null)}
      />
    </div>
  );
}
