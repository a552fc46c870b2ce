import type { PasswordPolicyResponse } from '@mailgate/contracts';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../endpoints';
import { http } from '../http';
import { passwordKeys } from './query-keys';

export function usePasswordPolicy() {
  return useQuery({
    queryKey: passwordKeys.policy(),
    queryFn: ({ signal }) => http.get<PasswordPolicyResponse>(endpoints.passwordPolicy, { signal }),
    staleTime: 5 * 60_000,
  });
}
