import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './http';
import { isSessionEnded, markSessionEnded } from './session-ended';

const MAX_RETRIES = 2;

export function createQueryClient(): QueryClient {
  // When any request finds the session gone (idle timeout, signed out elsewhere), "me" becomes
  // null; the portal layout then sends the user to the sign-in page.
  const onError = (error: unknown) => {
    if (isSessionEnded(error)) markSessionEnded(queryClient, 'expired');
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        // A 4xx will not fix itself (bad input, no session, rate limit), so retrying only delays the
        // message the user needs; network errors and 5xx may be transient.
        retry: (failureCount, error) => {
          if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
          return failureCount < MAX_RETRIES;
        },
        staleTime: 30_000,
      },
      mutations: {
        // Never replay a state-changing request behind the user's back.
        retry: false,
      },
    },
  });
  return queryClient;
}
