import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { isApiError } from '../../../api/http';

export const STAFF_TOTP_REQUIRED = 'STAFF_TOTP_REQUIRED';

const needsTotp = (error: unknown) => isApiError(error) && error.code === STAFF_TOTP_REQUIRED;

/**
 * True as soon as ANY admin request (query or mutation) answers STAFF_TOTP_REQUIRED, e.g. when the
 * staff member's own 2FA was removed while the panel was open: the panel then gives way to enrollment.
 */
export function useStaffTotpRequired(): { required: boolean; reset: () => void } {
  const queryClient = useQueryClient();
  const [required, setRequired] = useState(false);

  useEffect(() => {
    const queries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && needsTotp(event.query.state.error)) setRequired(true);
    });
    const mutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && needsTotp(event.mutation?.state.error)) setRequired(true);
    });
    return () => {
      queries();
      mutations();
    };
  }, [queryClient]);

  return { required, reset: () => setRequired(false) };
}
