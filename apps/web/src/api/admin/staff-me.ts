import { useQuery } from '@tanstack/react-query';
import { http } from '../http';
import { adminKeys } from './query-keys';

/** Requested from the admin API (see /work/brief/requests-admin.md); replace with the contract type. */
export interface StaffMe {
  userId: string;
  email: string;
  displayName: string;
  role: 'SUPPORT' | 'ADMIN';
}

export const STAFF_ME_PATH = '/api/admin/me';

/**
 * Who the staff caller is. Also the panel's gate: the server answers STAFF_TOTP_REQUIRED here for a
 * staff account without 2FA, FORBIDDEN for a user, UNAUTHENTICATED without a session.
 */
export function useStaffMe() {
  return useQuery({
    queryKey: adminKeys.me(),
    queryFn: ({ signal }) => http.get<StaffMe>(STAFF_ME_PATH, { signal }),
    staleTime: 60_000,
  });
}
