import { routes } from '@mailgate/contracts/routes';
import type { ListAppPasswordsResponse } from '@mailgate/contracts';
import { useQuery } from '@tanstack/react-query';
import { endpoint } from '../endpoint';
import { send } from '../http';
import { appPasswordsKeys } from './query-keys';

export function useAppPasswords() {
  return useQuery({
    queryKey: appPasswordsKeys.list(),
    queryFn: ({ signal }) => send<ListAppPasswordsResponse>(endpoint(routes.appPasswords.list), { signal }),
  });
}
