import type { ListPendingPasswordResetLinksResponse } from '@mailgate/contracts';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../endpoints';
import { http } from '../http';
import { resetLinksKeys } from './query-keys';

/** Staff-issued links that could still set the signed-in user's password. */
export function usePendingResetLinks() {
  return useQuery({
    queryKey: resetLinksKeys.pending(),
    queryFn: ({ signal }) => http.get<ListPendingPasswordResetLinksResponse>(endpoints.resetLinks, { signal }),
  });
}
