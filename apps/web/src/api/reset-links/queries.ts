import { routes } from '@mailgate/contracts/routes';
import type { ListPendingPasswordResetLinksResponse } from '@mailgate/contracts';
import { useQuery } from '@tanstack/react-query';
import { endpoint } from '../endpoint';
import { send } from '../http';
import { resetLinksKeys } from './query-keys';

/** Staff-issued links that could still set the signed-in user's password. */
export function usePendingResetLinks() {
  return useQuery({
    queryKey: resetLinksKeys.pending(),
    queryFn: ({ signal }) =>
      send<ListPendingPasswordResetLinksResponse>(endpoint(routes.pendingResetLink.listPendingLinks), { signal }),
  });
}
