import type { StaffMeResponse } from '@mailgate/contracts';
import { useQuery } from '@tanstack/react-query';
import { http } from '../http';
import { adminRoutes } from './admin-routes';
import { adminKeys } from './query-keys';

export type StaffMe = StaffMeResponse;

/**
 * Who the staff caller is. Also the panel's gate: the server answers STAFF_TOTP_REQUIRED here for a
 * staff account without 2FA, FORBIDDEN for a user, UNAUTHENTICATED without a session.
 */
export function useStaffMe() {
  return useQuery({
    queryKey: adminKeys.me(),
    queryFn: ({ signal }) => http.get<StaffMe>(adminRoutes.staffMe.path, { signal }),
    staleTime: 60_000,
  });
}
