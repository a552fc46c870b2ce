import type {
  CreateAppPasswordRequest,
  CreateAppPasswordResponse,
  RevokeAllAppPasswordsResponse,
} from '@mailgate/contracts';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { endpoints } from '../endpoints';
import { http } from '../http';
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
      withStepUp(() => http.post<CreateAppPasswordResponse>(endpoints.appPasswords, body)),
    onSuccess: () => refresh(queryClient),
  });
}

export function useRevokeAppPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => http.delete<void>(endpoints.appPassword(id)),
    onSuccess: () => refresh(queryClient),
  });
}

export function useRevokeAllAppPasswords() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => http.post<RevokeAllAppPasswordsResponse>(endpoints.appPasswordsRevokeAll),
    onSuccess: () => refresh(queryClient),
  });
}
