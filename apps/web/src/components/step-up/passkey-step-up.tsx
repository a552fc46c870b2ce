import { useTranslation } from '../../i18n/use-translation';
import { useStepUpWithPasskey } from '../../api/passkeys/mutations';
import { useActionError } from '../../i18n/error-message';
import { FormError } from '../alert';
import { Button } from '../button';

/** The passkey choice inside the step-up dialog: one touch on the authenticator. */
export function PasskeyStepUp({ onConfirmed }: { onConfirmed: () => void }) {
  const { t } = useTranslation();
  const actionError = useActionError();
  const stepUp = useStepUpWithPasskey();
  return (
    <div className="form">
      <p>{t('passkeys.stepUpIntro')}</p>
      <FormError message={actionError(stepUp.error)} />
      <div>
        <Button
          variant="primary"
          pending={stepUp.isPending}
          pendingLabel={t('passkeys.waiting')}
          onClick={() => stepUp.mutate(undefined, { onSuccess: onConfirmed })}
        >
          {t('passkeys.stepUpButton')}
        </Button>
      </div>
    </div>
  );
}
