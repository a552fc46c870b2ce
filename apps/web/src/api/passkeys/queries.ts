import type { ListPasskeysResponse } from '@mailgate/contracts';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../endpoints';
import { http } from '../http';
import { passkeysKeys } from './query-keys';

export function usePasskeys() {
  return useQuery({
    queryKey: passkeysKeys.list(),
    queryFn: ({ signal }) => http.get<ListPasskeysResponse>(endpoints.passkeys, { signal }),
  });
}
