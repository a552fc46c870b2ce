import { routes } from '@mailgate/contracts/routes';
import type { ListPasskeysResponse } from '@mailgate/contracts';
import { useQuery } from '@tanstack/react-query';
import { endpoint } from '../endpoint';
import { send } from '../http';
import { passkeysKeys } from './query-keys';

export function usePasskeys() {
  return useQuery({
    queryKey: passkeysKeys.list(),
    queryFn: ({ signal }) => send<ListPasskeysResponse>(endpoint(routes.passkey.list), { signal }),
  });
}
