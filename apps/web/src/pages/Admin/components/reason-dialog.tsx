import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminDialog } from './admin-dialog';

/** The contract's limit (ZStaffReason); checked here too so the message comes before the round trip. */
export const REASON_MAX_LENGTH = 500;

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

/** Every staff action asks why: the reason goes into the audit log and the user's notice. */
export function ReasonDialog(props: ReasonDialogProps) {
  return (
    <AdminDialog open={props.open} title={props.title} onClose={props.onClose}>
      {/* Mounted per opening, so a cancelled reason does not reappear next time. */}
      {props.open && <ReasonForm {...props} />}
    </AdminDialog>
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
  const errorId = useId();
  const [reason, setReason] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = reason.trim();
    if (trimmed.length === 0) return setLocalError(t('admin.reason.required'));
    if (trimmed.length > REASON_MAX_LENGTH) return setLocalError(t('admin.reason.tooLong', { max: REASON_MAX_LENGTH }));
    setLocalError(null);
    onConfirm(trimmed);
  }

  const shownError = localError ?? errorMessage;
  return (
    <form className="form" onSubmit={handleSubmit} noValidate>
      <div className="admin-dialog__description">{description}</div>
      <div role="alert" className={shownError ? 'form-alert' : undefined} id={errorId}>
        {shownError}
      </div>
      <div className="field">
        <label htmlFor={fieldId}>{t('admin.reason.label')}</label>
        <textarea
          id={fieldId}
          name="reason"
          rows={3}
          required
          aria-required="true"
          aria-invalid={localError ? true : undefined}
          aria-describedby={`${hintId} ${errorId}`}
          maxLength={REASON_MAX_LENGTH}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
        <p id={hintId} className="admin-hint">
          {t('admin.reason.hint', { count: reason.length, max: REASON_MAX_LENGTH })}
        </p>
      </div>
      <div className="admin-actions">
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('admin.common.cancel')}
        </button>
        <button
          type="submit"
          className={destructive ? 'button button--danger' : 'button button--primary'}
          disabled={pending}
        >
          {pending ? t('admin.common.working') : confirmLabel}
        </button>
      </div>
    </form>
  );
}
