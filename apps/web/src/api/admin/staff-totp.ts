import { useMutation, useQueryClient } from '@tanstack/react-query';
import { http } from '../http';
import { adminKeys } from './query-keys';

// The portal's own TOTP enrollment endpoints (issue 3), reused for staff: a staff account enrolls
// exactly like a user does, only it is sent there before it can reach the panel. Their contract
// (`totpOperations` in the portal branch's auth/totp.contract.ts) is not in this branch yet; these
// shapes copy it and should become type-only imports of StartTotpEnrollmentResponse and
// RecoveryCodesResponse at merge.
export const STAFF_TOTP_PATHS = {
  start: '/api/account/totp/enrollment',
  confirm: '/api/account/totp/enrollment/confirm',
} as const;

export interface TotpEnrollmentStart {
  /** otpauth:// URI, rendered locally as a QR code. */
  otpauthUri: string;
  /** The same secret in base32, grouped for typing. */
  manualKey: string;
}

export interface TotpEnrollmentConfirmed {
  /** Shown once; stored only as hashes. */
  recoveryCodes: string[];
}

export function useStartTotpEnrollment() {
  return useMutation({
    mutationFn: () => http.post<TotpEnrollmentStart>(STAFF_TOTP_PATHS.start, {}),
  });
}

export function useConfirmTotpEnrollment() {
  return useMutation({
    mutationFn: (code: string) => http.post<TotpEnrollmentConfirmed>(STAFF_TOTP_PATHS.confirm, { code }),
  });
}

/**
 * Leaves the enrollment screen: only now is the staff check repeated, so the recovery codes stay on
 * screen until the staff member says they have saved them.
 */
export function useFinishTotpEnrollment() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: adminKeys.all });
}
