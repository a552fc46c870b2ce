import { routes } from '@mailgate/contracts/routes';
import type { RecoveryAddressView } from '@mailgate/contracts';
import { useQuery } from '@tanstack/react-query';
import { endpoint } from '../endpoint';
import { send } from '../http';
import { recoveryKeys } from './query-keys';

/** The signed-in user's recovery address and any change waiting for confirmation. */
export function useRecoveryAddress() {
  return useQuery({
    queryKey: recoveryKeys.address(),
    queryFn: ({ signal }) => send<RecoveryAddressView>(endpoint(routes.recovery.getRecoveryAddress), { signal }),
  });
}
