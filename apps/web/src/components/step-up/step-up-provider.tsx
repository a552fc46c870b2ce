import { useCallback, useRef, useState, type ReactNode } from 'react';
import { StepUpContext } from '../../api/step-up-context';
import { StepUpCancelledError } from '../../api/step-up-error';
import { StepUpDialog } from './step-up-dialog';

interface PendingStepUp {
  resolve: () => void;
  reject: (error: Error) => void;
}

/** Owns the one step-up dialog of the portal; actions reach it through useWithStepUp(). */
export function StepUpProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  // Several actions may ask at once (unlikely, but possible): all of them wait for one answer.
  const waiting = useRef<PendingStepUp[]>([]);

  const requestStepUp = useCallback(
    () =>
      new Promise<void>((resolve, reject) => {
        waiting.current.push({ resolve, reject });
        setOpen(true);
      }),
    [],
  );

  const settle = (confirmed: boolean) => {
    const pending = waiting.current;
    waiting.current = [];
    setOpen(false);
    for (const entry of pending) {
      if (confirmed) entry.resolve();
      else entry.reject(new StepUpCancelledError());
    }
  };

  return (
    <StepUpContext value={requestStepUp}>
      {children}
      <StepUpDialog open={open} onConfirmed={() => settle(true)} onCancel={() => settle(false)} />
    </StepUpContext>
  );
}
