import type { ListAppPasswordsResponse } from '@mailgate/contracts';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../endpoints';
import { http } from '../http';
import { appPasswordsKeys } from './query-keys';

export function useAppPasswords() {
  return useQuery({
    queryKey: appPasswordsKeys.list(),
    queryFn: ({ signal }) => http.get<ListAppPasswordsResponse>(endpoints.appPasswords, { signal }),
  });
}
