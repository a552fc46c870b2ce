import type { ListProtocolAccessResponse } from '@mailgate/contracts';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../endpoints';
import { http } from '../http';
import { protocolAccessKeys } from './query-keys';

export function useProtocolAccess() {
  return useQuery({
    queryKey: protocolAccessKeys.list(),
    queryFn: ({ signal }) => http.get<ListProtocolAccessResponse>(endpoints.protocols, { signal }),
  });
}
