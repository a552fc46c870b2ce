import type { ListNoticesResponse } from '@mailgate/contracts';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../endpoints';
import { http } from '../http';
import { noticesKeys } from './query-keys';

const NOTICES_POLL_MS = 120_000;

export function useNotices() {
  return useQuery({
    queryKey: noticesKeys.list(),
    queryFn: ({ signal }) => http.get<ListNoticesResponse>(endpoints.notices, { signal }),
    // Changes made by support (or in another tab) show up without a reload.
    refetchInterval: NOTICES_POLL_MS,
  });
}
