import type { ChangePasswordRequest, ChangePasswordResponse } from '@mailgate/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { appPasswordsKeys } from '../app-passwords/query-keys';
import { authKeys } from '../auth/query-keys';
import { endpoints } from '../endpoints';
import { http } from '../http';
import { noticesKeys } from '../notices/query-keys';

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordRequest) => http.post<ChangePasswordResponse>(endpoints.password, body),
    // Other sessions and app passwords may be gone now.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: authKeys.sessions() }),
        queryClient.invalidateQueries({ queryKey: appPasswordsKeys.all }),
        queryClient.invalidateQueries({ queryKey: noticesKeys.all }),
      ]),
  });
}
