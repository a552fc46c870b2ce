import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './http';

const MAX_RETRIES = 2;

export function createQueryClient(): QueryClient {
  return new QueryClient({
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
}
