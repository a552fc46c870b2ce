import { routes } from '@mailgate/contracts/routes';
import type { ListSessionsResponse, Me } from '@mailgate/contracts';
import { useQuery } from '@tanstack/react-query';
import { endpoint } from '../endpoint';
import { send } from '../http';
import { isSessionEnded } from '../session-ended';
import { authKeys } from './query-keys';

/**
 * The signed-in user, or null when there is no session. "Not signed in" is an answer, not an
 * error: the portal layout redirects on null, and the sign-in page uses it to skip the form.
 */
export function useMe() {
  return useQuery({
    queryKey: authKeys.me(),
    queryFn: async ({ signal }): Promise<Me | null> => {
      try {
        return await send<Me>(endpoint(routes.auth.me), { signal });
      } catch (error) {
        if (isSessionEnded(error)) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

export function useSessions() {
  return useQuery({
    queryKey: authKeys.sessions(),
    queryFn: ({ signal }) => send<ListSessionsResponse>(endpoint(routes.auth.listSessions), { signal }),
  });
}
