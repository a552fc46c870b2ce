import type { RecoveryAddressView } from '@mailgate/contracts';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../endpoints';
import { http } from '../http';
import { recoveryKeys } from './query-keys';

/** The signed-in user's recovery address and any change waiting for confirmation. */
export function useRecoveryAddress() {
  return useQuery({
    queryKey: recoveryKeys.address(),
    queryFn: ({ signal }) => http.get<RecoveryAddressView>(endpoints.recoveryAddress, { signal }),
  });
}
