import type { ListLoginActivityResponse, ListSecurityEventsResponse } from '@mailgate/contracts';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../endpoints';
import { http } from '../http';
import { activityKeys } from './query-keys';

export function useLoginActivity(limit: number) {
  return useQuery({
    queryKey: activityKeys.logins(limit),
    queryFn: ({ signal }) => http.get<ListLoginActivityResponse>(endpoints.loginActivity(limit), { signal }),
    // Always fresh when the page opens: it is where people look right after changing something.
    staleTime: 0,
  });
}

export function useSecurityEvents(limit: number) {
  return useQuery({
    queryKey: activityKeys.events(limit),
    queryFn: ({ signal }) => http.get<ListSecurityEventsResponse>(endpoints.securityEvents(limit), { signal }),
    staleTime: 0,
  });
}
