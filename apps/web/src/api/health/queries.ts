import { routes } from '@mailgate/contracts/routes';
import type { HealthResponse } from '@mailgate/contracts';
import { useQuery } from '@tanstack/react-query';
import { endpoint } from '../endpoint';
import { send } from '../http';
import { healthKeys } from './query-keys';

const HEALTH_POLL_MS = 60_000;

export function useHealth() {
  return useQuery({
    queryKey: healthKeys.status(),
    queryFn: ({ signal }) => send<HealthResponse>(endpoint(routes.health.liveness), { signal }),
    refetchInterval: HEALTH_POLL_MS,
    // A status indicator should report an outage quickly rather than retrying for seconds.
    retry: false,
  });
}
