import { routes } from '@mailgate/contracts/routes';
import type { PasswordPolicyResponse } from '@mailgate/contracts';
import { useQuery } from '@tanstack/react-query';
import { endpoint } from '../endpoint';
import { send } from '../http';
import { passwordKeys } from './query-keys';

export function usePasswordPolicy() {
  return useQuery({
    queryKey: passwordKeys.policy(),
    queryFn: ({ signal }) => send<PasswordPolicyResponse>(endpoint(routes.password.policy), { signal }),
    staleTime: 5 * 60_000,
  });
}
