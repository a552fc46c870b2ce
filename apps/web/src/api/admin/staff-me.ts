import { routes } from '@mailgate/contracts/routes';
import type { StaffMeResponse } from '@mailgate/contracts';
import { useQuery } from '@tanstack/react-query';
import { send } from '../http';
import { endpoint } from '../endpoint';
import { adminKeys } from './query-keys';

export type StaffMe = StaffMeResponse;

/**
 * Who the staff caller is. Also the panel's gate: the server answers STAFF_TOTP_REQUIRED here for a
 * staff account without 2FA, FORBIDDEN for a user, UNAUTHENTICATED without a session.
 */
export function useStaffMe() {
  return useQuery({
    queryKey: adminKeys.me(),
    queryFn: ({ signal }) => send<StaffMe>(endpoint(routes.adminUser.staffMe), { signal }),
    staleTime: 60_000,
  });
}
