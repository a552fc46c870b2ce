import { routes } from '@mailgate/contracts/routes';
import type { TotpStatusResponse } from '@mailgate/contracts';
import { useQuery } from '@tanstack/react-query';
import { endpoint } from '../endpoint';
import { send } from '../http';
import { totpKeys } from './query-keys';

export function useTotpStatus() {
  return useQuery({
    queryKey: totpKeys.status(),
    queryFn: ({ signal }) => send<TotpStatusResponse>(endpoint(routes.totp.status), { signal }),
  });
}
