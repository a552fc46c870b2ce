import { routes } from '@mailgate/contracts/routes';
import type {
  ConfirmRecoveryAddressRequest,
  ConfirmRecoveryAddressResponse,
  RecoveryAddressView,
  RequestPasswordResetRequest,
  SetRecoveryAddressRequest,
} from '@mailgate/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { activityKeys } from '../activity/query-keys';
import { endpoint } from '../endpoint';
import { send } from '../http';
import { noticesKeys } from '../notices/query-keys';
import { useWithStepUp } from '../step-up-context';
import { recoveryKeys } from './query-keys';

function useRefreshRecovery() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: recoveryKeys.all }),
      queryClient.invalidateQueries({ queryKey: noticesKeys.all }),
      queryClient.invalidateQueries({ queryKey: activityKeys.all }),
    ]);
}

/** Adds or changes the address (a confirmation link goes there); needs a step-up. */
export function useSetRecoveryAddress() {
  const withStepUp = useWithStepUp();
  const refresh = useRefreshRecovery();
  return useMutation({
    mutationFn: (body: SetRecoveryAddressRequest) =>
      withStepUp(() => send<RecoveryAddressView>(endpoint(routes.recovery.setRecoveryAddress), { body })),
    onSettled: refresh,
  });
}

/** Removes the address; needs a step-up. */
export function useRemoveRecoveryAddress() {
  const withStepUp = useWithStepUp();
  const refresh = useRefreshRecovery();
  return useMutation({
    mutationFn: () => withStepUp(() => send<void>(endpoint(routes.recovery.removeRecoveryAddress))),
    onSettled: refresh,
  });
}

/** Public: the token from the confirmation link. */
export function useConfirmRecoveryAddress() {
  return useMutation({
    mutationFn: (body: ConfirmRecoveryAddressRequest) =>
      send<ConfirmRecoveryAddressResponse>(endpoint(routes.recovery.confirmRecoveryAddress), { body }),
  });
}

/** Public: "forgot password". The answer is the same whatever the address. */
export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (body: RequestPasswordResetRequest) =>
      send<void>(endpoint(routes.recovery.requestPasswordReset), { body }),
  });
}
