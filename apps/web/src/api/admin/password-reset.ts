import { routes } from '@mailgate/contracts/routes';
import type { RedeemPasswordResetRequest } from '@mailgate/contracts';
import { useMutation } from '@tanstack/react-query';
import { send } from '../http';
import { endpoint } from '../endpoint';

/** The user's side of a reset link from support (public: the link is the credential). */
export function useRedeemPasswordReset() {
  return useMutation({
    mutationFn: (body: RedeemPasswordResetRequest) =>
      send<void>(endpoint(routes.passwordReset.redeemPasswordReset), { body }),
  });
}
