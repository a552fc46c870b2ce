import { routes } from '@mailgate/contracts/routes';
import type { ListProtocolAccessResponse } from '@mailgate/contracts';
import { useQuery } from '@tanstack/react-query';
import { endpoint } from '../endpoint';
import { send } from '../http';
import { protocolAccessKeys } from './query-keys';

export function useProtocolAccess() {
  return useQuery({
    queryKey: protocolAccessKeys.list(),
    queryFn: ({ signal }) => send<ListProtocolAccessResponse>(endpoint(routes.protocolAccess.list), { signal }),
  });
}
