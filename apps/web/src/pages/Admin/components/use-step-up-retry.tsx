import { useState, type ReactNode } from 'react';
import { isStepUpRequired, StepUpDialog } from './step-up-dialog';

/**
 * Wraps an action that may need a fresh confirmation (role changes, token creation, enrollment):
 * when the server answers STEP_UP_REQUIRED, the step-up dialog opens and the action runs again after.
 */
export function useStepUpRetry(method: 'totp' | 'password'): {
  /** Returns true when the error was a step-up request and the dialog took over. */
  handle: (error: unknown, retry: () => void) => boolean;
  dialog: ReactNode;
} {
  const [retry, setRetry] = useState<(() => void) | null>(null);
  const handle = (error: unknown, next: () => void) => {
    if (!isStepUpRequired(error)) return false;
    setRetry(() => next);
    return true;
  };
  const dialog = (
    <StepUpDialog
      open={retry !== null}
      method={method}
      onConfirmed={() => {
        const next = retry;
        setRetry(null);
        next?.();
      }}
      onClose={() => setRetry(null)}
    />
  );
  return { handle, dialog };
}
