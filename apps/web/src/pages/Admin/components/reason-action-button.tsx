import { useState, type ReactNode } from 'react';
import { useErrorMessage } from '../../../i18n/error-message';
import { useAnnounce } from './announcer';
import { ReasonDialog } from './reason-dialog';
import { useStepUpRetry } from './use-step-up-retry';

interface ReasonActionButtonProps<TResult> {
  /** Visible text of the button; also its accessible name unless `accessibleLabel` is given. */
  label: string;
  /** For buttons repeated per row ("Revoke" → "Revoke app password Thunderbird"). */
  accessibleLabel?: string;
  dialogTitle: string;
  description: ReactNode;
  confirmLabel: string;
  destructive?: boolean;
  disabled?: boolean;
  /** Runs the action; rejects with the ApiError to show. */
  run: (reason: string) => Promise<TResult>;
  /** Announced after success. */
  successMessage: string;
  /** For results that must be shown (a reset link); called after the dialog closed. */
  onDone?: (result: TResult) => void;
}

/** A button that asks for the mandatory reason in a dialog, then runs the action and says how it went. */
export function ReasonActionButton<TResult>(props: ReasonActionButtonProps<TResult>) {
  const errorMessage = useErrorMessage();
  const announce = useAnnounce();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // Inside the panel every staff member has 2FA, so a step-up is confirmed with a code.
  const stepUp = useStepUpRetry('totp');

  async function confirm(reason: string) {
    setPending(true);
    setError(null);
    try {
      const result = await props.run(reason);
      setOpen(false);
      announce(props.successMessage);
      props.onDone?.(result);
    } catch (caught) {
      // The reason dialog stays open behind the step-up dialog and the action repeats once confirmed.
      if (!stepUp.handle(caught, () => void confirm(reason))) setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className={props.destructive ? 'button button--danger-outline' : 'button button--secondary'}
        aria-label={props.accessibleLabel}
        disabled={props.disabled}
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        {props.label}
      </button>
      <ReasonDialog
        open={open}
        title={props.dialogTitle}
        description={props.description}
        confirmLabel={props.confirmLabel}
        destructive={props.destructive}
        pending={pending}
        errorMessage={error ? errorMessage(error) : null}
        onConfirm={(reason) => void confirm(reason)}
        onClose={() => setOpen(false)}
      />
      {stepUp.dialog}
    </>
  );
}
