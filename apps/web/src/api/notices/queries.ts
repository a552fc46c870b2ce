import { routes } from '@mailgate/contracts/routes';
import type { ListNoticesResponse } from '@mailgate/contracts';
import { useQuery } from '@tanstack/react-query';
import { endpoint } from '../endpoint';
import { send } from '../http';
import { noticesKeys } from './query-keys';

const NOTICES_POLL_MS = 120_000;

export function useNotices() {
  return useQuery({
    queryKey: noticesKeys.list(),
    queryFn: ({ signal }) => send<ListNoticesResponse>(endpoint(routes.notices.list), { signal }),
    // Changes made by support (or in another tab) show up without a reload.
    refetchInterval: NOTICES_POLL_MS,
  });
}
