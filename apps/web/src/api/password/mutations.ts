import { routes } from '@mailgate/contracts/routes';
import type { ChangePasswordRequest, ChangePasswordResponse } from '@mailgate/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { appPasswordsKeys } from '../app-passwords/query-keys';
import { authKeys } from '../auth/query-keys';
import { endpoint } from '../endpoint';
import { send } from '../http';
import { noticesKeys } from '../notices/query-keys';

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordRequest) =>
      send<ChangePasswordResponse>(endpoint(routes.password.change), { body }),
    // Other sessions and app passwords may be gone now.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: authKeys.sessions() }),
        queryClient.invalidateQueries({ queryKey: appPasswordsKeys.all }),
        queryClient.invalidateQueries({ queryKey: noticesKeys.all }),
      ]),
  });
}
