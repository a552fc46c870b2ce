import { routes } from '@mailgate/contracts/routes';
import type { FirstLoginResponse } from '@mailgate/contracts';
import { useQuery } from '@tanstack/react-query';
import { endpoint } from '../endpoint';
import { send } from '../http';
import { mailSetupKeys } from './query-keys';

const POLL_MS = 2_000;

/** Polls until a login with the app password was allowed; keeps polling after a refusal (the user may fix it). */
export function useFirstLogin(appPasswordId: string | null) {
  return useQuery({
    queryKey: mailSetupKeys.firstLogin(appPasswordId ?? ''),
    queryFn: ({ signal }) =>
      send<FirstLoginResponse>(endpoint(routes.mailSetup.firstLogin, { params: { id: appPasswordId ?? '' } }), {
        signal,
      }),
    enabled: appPasswordId !== null,
    refetchInterval: (query) => (query.state.data?.status === 'connected' ? false : POLL_MS),
  });
}
