import { STAFF_REASON_MAX } from '@mailgate/contracts/values';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from '../../../i18n/use-translation';
import { FormError } from '../../../components/alert';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';

interface ReasonDialogProps {
  open: boolean;
  title: string;
  /** What will happen, in a sentence, so nobody confirms blind. */
  description: ReactNode;
  confirmLabel: string;
  /** Marks actions that take something away (sign-outs, revocations, disabling). */
  destructive?: boolean;
  pending: boolean;
  /** Already translated. */
  errorMessage: string | null;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}

/**
 * Every staff action asks why: the reason goes into the audit log and the user's notice. The
 * dialog is portalled to <body> because its opener may sit inside a form (the policy and settings
 * editors), and a form inside a form would submit the outer one and reload the page.
 */
export function ReasonDialog(props: ReasonDialogProps) {
  return createPortal(
    <Dialog open={props.open} title={props.title} onClose={props.onClose}>
      {/* Mounted per opening, so a cancelled reason does not reappear next time. */}
      <ReasonForm {...props} />
    </Dialog>,
    document.body,
  );
}

function ReasonForm({
  description,
  confirmLabel,
  destructive,
  pending,
  errorMessage,
  onConfirm,
  onClose,
}: ReasonDialogProps) {
  const { t } = useTranslation();
  const fieldId = useId();
  const hintId = useId();
  const [reason, setReason] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = reason.trim();
    if (trimmed.length === 0) return setLocalError(t('admin.reason.required'));
    // The contract's limit, checked here too so the message comes before the round trip.
    if (trimmed.length > STAFF_REASON_MAX) return setLocalError(t('admin.reason.tooLong', { max: STAFF_REASON_MAX }));
    setLocalError(null);
    onConfirm(trimmed);
  }

  return (
    <form className="form" onSubmit={handleSubmit} noValidate>
      <div>{description}</div>
      <FormError message={localError ?? errorMessage} />
      {/* A multi-line field: the design system's TextField is a single-line input. */}
      <div className="field">
        <label htmlFor={fieldId}>{t('admin.reason.label')}</label>
        <textarea
          id={fieldId}
          name="reason"
          rows={3}
          required
          aria-required="true"
          aria-invalid={localError ? true : undefined}
          aria-describedby={hintId}
          maxLength={STAFF_REASON_MAX}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
        <p id={hintId} className="field__hint">
          {t('admin.reason.hint', { count: reason.length, max: STAFF_REASON_MAX })}
        </p>
      </div>
      <div className="button-row">
        <Button
          type="submit"
          variant={destructive ? 'danger' : 'primary'}
          pending={pending}
          pendingLabel={t('admin.common.working')}
        >
          {confirmLabel}
        </Button>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
