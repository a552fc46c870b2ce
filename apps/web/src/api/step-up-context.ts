import { createContext, use } from 'react';
import { isApiError } from './http';

/** Opens the step-up dialog; resolves once the user confirmed, rejects with StepUpCancelledError. */
export type RequestStepUp = () => Promise<void>;

export const StepUpContext = createContext<RequestStepUp | null>(null);

/**
 * Wraps an action that may need a recent confirmation. When the API answers STEP_UP_REQUIRED, the
 * dialog asks for the password (or a 2FA code), and the action runs again by itself: the user
 * never has to click twice. A second STEP_UP_REQUIRED is reported, not looped on.
 */
export function useWithStepUp(): <T>(action: () => Promise<T>) => Promise<T> {
  const requestStepUp = use(StepUpContext);
  if (!requestStepUp) throw new Error('useWithStepUp must be used inside <StepUpProvider>');
  return async (action) => {
    try {
      return await action();
    } catch (error) {
      if (!isApiError(error) || error.code !== 'STEP_UP_REQUIRED') throw error;
      await requestStepUp();
      return action();
    }
  };
}
