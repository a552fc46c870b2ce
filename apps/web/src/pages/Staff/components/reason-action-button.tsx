import { useState, type ReactNode } from 'react';
import { Button } from '../../../components/button';
import { useToast } from '../../../components/toast';
import { useActionError } from '../../../i18n/error-message';
import { ReasonDialog } from './reason-dialog';

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

/**
 * A button that asks for the mandatory reason in a dialog, then runs the action and says how it
 * went. Actions that need a step-up get it from the portal's dialog (useWithStepUp in the
 * mutation); the reason dialog stays open behind it, and closing it without confirming shows nothing.
 */
export function ReasonActionButton<TResult>(props: ReasonActionButtonProps<TResult>) {
  const actionError = useActionError();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function confirm(reason: string) {
    setPending(true);
    setError(null);
    try {
      const result = await props.run(reason);
      setOpen(false);
      toast.show(props.successMessage);
      props.onDone?.(result);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <Button
        aria-label={props.accessibleLabel}
        disabled={props.disabled}
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        {props.label}
      </Button>
      <ReasonDialog
        open={open}
        title={props.dialogTitle}
        description={props.description}
        confirmLabel={props.confirmLabel}
        destructive={props.destructive}
        pending={pending}
        errorMessage={actionError(error)}
        onConfirm={(reason) => void confirm(reason)}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
