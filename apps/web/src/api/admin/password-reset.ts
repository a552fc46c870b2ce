import { routes } from '@mailgate/contracts/routes';
import type { PasswordResetRulesResponse, RedeemPasswordResetRequest } from '@mailgate/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { send } from '../http';
import { endpoint } from '../endpoint';
import { passwordKeys } from '../password/query-keys';

/** The user's side of a reset link from support (public: the link is the credential). */
export function useRedeemPasswordReset() {
  return useMutation({
    mutationFn: (body: RedeemPasswordResetRequest) =>
      send<void>(endpoint(routes.passwordReset.redeemPasswordReset), { body }),
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
      send<PasswordResetRulesResponse>(endpoint(routes.passwordReset.passwordResetRules), { body: { token }, signal }),
    staleTime: Infinity,
  });
}
