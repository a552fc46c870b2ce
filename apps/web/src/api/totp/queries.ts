import type { TotpStatusResponse } from '@mailgate/contracts';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../endpoints';
import { http } from '../http';
import { totpKeys } from './query-keys';

export function useTotpStatus() {
  return useQuery({
    queryKey: totpKeys.status(),
    queryFn: ({ signal }) => http.get<TotpStatusResponse>(endpoints.totp, { signal }),
  });
}
