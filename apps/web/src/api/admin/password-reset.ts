import type { PasswordResetRulesResponse, RedeemPasswordResetRequest } from '@mailgate/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { http } from '../http';
import { passwordKeys } from '../password/query-keys';
import { adminRoutes } from './admin-routes';

/** The user's side of a reset link from support (public: the link is the credential). */
export function useRedeemPasswordReset() {
  return useMutation({
    mutationFn: (body: RedeemPasswordResetRequest) => http.post<void>(adminRoutes.redeemPasswordReset.path, body),
  });
}

/**
 * The rules the link's new password must meet, for the reset page's meter. A POST that changes
 * nothing: the token stays out of the address. Kept for the page's life (the policy rarely moves,
 * and the redemption checks again anyway).
 */
export function usePasswordResetRules(token: string) {
  return useQuery({
    queryKey: passwordKeys.resetRules(token),
    queryFn: ({ signal }) =>
      http.post<PasswordResetRulesResponse>(adminRoutes.passwordResetRules.path, { token }, { signal }),
    staleTime: Infinity,
  });
}
