import { routes } from '@mailgate/contracts/routes';
import type {
  CreateAppPasswordRequest,
  CreateAppPasswordResponse,
  RevokeAllAppPasswordsResponse,
} from '@mailgate/contracts';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { endpoint } from '../endpoint';
import { send } from '../http';
import { noticesKeys } from '../notices/query-keys';
import { useWithStepUp } from '../step-up-context';
import { appPasswordsKeys } from './query-keys';

function refresh(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: appPasswordsKeys.all }),
    queryClient.invalidateQueries({ queryKey: noticesKeys.all }),
  ]);
}

/** The response carries the secret; it lives only in this mutation's state, never in the query cache. */
export function useCreateAppPassword() {
  const withStepUp = useWithStepUp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAppPasswordRequest) =>
      withStepUp(() => send<CreateAppPasswordResponse>(endpoint(routes.appPasswords.create), { body })),
    onSuccess: () => refresh(queryClient),
  });
}

export function useRevokeAppPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => send<void>(endpoint(routes.appPasswords.revoke, { params: { id } })),
    onSuccess: () => refresh(queryClient),
  });
}

export function useRevokeAllAppPasswords() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => send<RevokeAllAppPasswordsResponse>(endpoint(routes.appPasswords.revokeAll)),
    onSuccess: () => refresh(queryClient),
  });
}
