import { routes } from '@mailgate/contracts/routes';
import type {
  ConfirmTotpEnrollmentRequest,
  RecoveryCodesResponse,
  StartTotpEnrollmentResponse,
} from '@mailgate/contracts';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { authKeys } from '../auth/query-keys';
import { endpoint } from '../endpoint';
import { send } from '../http';
import { noticesKeys } from '../notices/query-keys';
import { protocolAccessKeys } from '../protocol-access/query-keys';
import { useWithStepUp } from '../step-up-context';
import { totpKeys } from './query-keys';

/** 2FA changes what the step-up dialog asks for (me) and whether mail programs need app passwords. */
function invalidateAfterTotpChange(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: totpKeys.all }),
    queryClient.invalidateQueries({ queryKey: authKeys.me() }),
    queryClient.invalidateQueries({ queryKey: protocolAccessKeys.all }),
    queryClient.invalidateQueries({ queryKey: noticesKeys.all }),
  ]);
}

export function useStartTotpEnrollment() {
  const withStepUp = useWithStepUp();
  return useMutation({
    mutationFn: () => withStepUp(() => send<StartTotpEnrollmentResponse>(endpoint(routes.totp.startEnrollment))),
  });
}

export function useConfirmTotpEnrollment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ConfirmTotpEnrollmentRequest) =>
      send<RecoveryCodesResponse>(endpoint(routes.totp.confirmEnrollment), { body }),
    onSuccess: () => invalidateAfterTotpChange(queryClient),
  });
}

export function useRegenerateRecoveryCodes() {
  const withStepUp = useWithStepUp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => withStepUp(() => send<RecoveryCodesResponse>(endpoint(routes.totp.regenerateRecoveryCodes))),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: totpKeys.all }),
        queryClient.invalidateQueries({ queryKey: noticesKeys.all }),
      ]),
  });
}

export function useDisableTotp() {
  const withStepUp = useWithStepUp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => withStepUp(() => send<void>(endpoint(routes.totp.disable))),
    onSuccess: () => invalidateAfterTotpChange(queryClient),
  });
}
