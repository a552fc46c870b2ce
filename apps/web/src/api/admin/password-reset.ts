import type { RedeemPasswordResetRequest } from '@mailgate/contracts';
import { useMutation } from '@tanstack/react-query';
import { http } from '../http';
import { adminRoutes } from './admin-routes';

/** The user's side of a reset link from support (public: the link is the credential). */
export function useRedeemPasswordReset() {
  return useMutation({
    mutationFn: (body: RedeemPasswordResetRequest) => http.post<void>(adminRoutes.redeemPasswordReset.path, body),
  });
}
