import type { FirstLoginResponse } from '@mailgate/contracts';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../endpoints';
import { http } from '../http';
import { mailSetupKeys } from './query-keys';

const POLL_MS = 2_000;

/** Polls until a login with the app password was allowed; keeps polling after a refusal (the user may fix it). */
export function useFirstLogin(appPasswordId: string | null) {
  return useQuery({
    queryKey: mailSetupKeys.firstLogin(appPasswordId ?? ''),
    queryFn: ({ signal }) =>
      http.get<FirstLoginResponse>(endpoints.appPasswordFirstLogin(appPasswordId ?? ''), { signal }),
    enabled: appPasswordId !== null,
    refetchInterval: (query) => (query.state.data?.status === 'connected' ? false : POLL_MS),
  });
}
