import { routes } from '@mailgate/contracts/routes';
import type { ListLoginActivityResponse, ListSecurityEventsResponse } from '@mailgate/contracts';
import { useQuery } from '@tanstack/react-query';
import { endpoint } from '../endpoint';
import { send } from '../http';
import { activityKeys } from './query-keys';

export function useLoginActivity(limit: number) {
  return useQuery({
    queryKey: activityKeys.logins(limit),
    queryFn: ({ signal }) =>
      send<ListLoginActivityResponse>(endpoint(routes.activity.logins, { query: { limit } }), { signal }),
    // Always fresh when the page opens: it is where people look right after changing something.
    staleTime: 0,
  });
}

export function useSecurityEvents(limit: number) {
  return useQuery({
    queryKey: activityKeys.events(limit),
    queryFn: ({ signal }) =>
      send<ListSecurityEventsResponse>(endpoint(routes.activity.events, { query: { limit } }), { signal }),
    staleTime: 0,
  });
}
