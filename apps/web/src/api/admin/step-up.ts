import { useMutation } from '@tanstack/react-query';
import { http } from '../http';

// The portal's step-up endpoint (issue 3; `authOperations.stepUp` in the portal branch, not in this
// one yet). Staff confirm with a code from their app; before 2FA is set up, with their password.
export const STEP_UP_PATH = '/api/auth/step-up';

export type StepUpRequest = { password: string } | { totpCode: string };

export function useStepUp() {
  return useMutation({
    mutationFn: (body: StepUpRequest) => http.post<{ stepUpValidUntil: string }>(STEP_UP_PATH, body),
  });
}
