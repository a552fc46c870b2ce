import { routes } from '@mailgate/contracts/routes';
import type {
  ProtocolAccessView,
  AdminUserSummary,
  ChangeUserRoleRequest,
  CreatePasswordResetLinkResponse,
  RevealPasswordResetLinkResponse,
  CreateServiceTokenRequest,
  CreateServiceTokenResponse,
  GlobalSettingsView,
  PasswordPolicyView,
  RevokedCountResponse,
  SetUserProtocolAccessRequest,
  UpdateGlobalSettingsRequest,
  UpdatePasswordPolicyRequest,
} from '@mailgate/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { send } from '../http';
import { useWithStepUp } from '../step-up-context';
import { endpoint } from '../endpoint';
import { adminKeys } from './query-keys';

/**
 * One mutation per staff action on a user. Each refreshes that user's detail (the server is the
 * truth: a lift or revocation may change more than the row clicked) and the audit log, also after
 * a refusal such as a lock that ended meanwhile, so the page shows what is true now.
 */
function useUserMutation<TVariables, TResult>(userId: string, send: (variables: TVariables) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: adminKeys.user(userId) }),
        queryClient.invalidateQueries({ queryKey: adminKeys.audits() }),
        queryClient.invalidateQueries({ queryKey: adminKeys.searches() }),
      ]);
    },
  });
}

export function useSetUserProtocolAccess(userId: string) {
  return useUserMutation(userId, ({ protocol, ...body }: SetUserProtocolAccessRequest & { protocol: string }) =>
    send<ProtocolAccessView>(endpoint(routes.adminAction.setUserProtocolAccess, { params: { userId, protocol } }), {
      body,
    }),
  );
}

export function useRevokeUserAppPassword(userId: string) {
  return useUserMutation(userId, ({ itemId, reason }: { itemId: string; reason: string }) =>
    send<void>(endpoint(routes.adminAction.revokeUserAppPassword, { params: { userId, itemId } }), {
      body: { reason },
    }),
  );
}

export function useRemoveUserPasskey(userId: string) {
  return useUserMutation(userId, ({ itemId, reason }: { itemId: string; reason: string }) =>
    send<void>(endpoint(routes.adminAction.removeUserPasskey, { params: { userId, itemId } }), { body: { reason } }),
  );
}

export function useRevokeAllUserAppPasswords(userId: string) {
  return useUserMutation(userId, ({ reason }: { reason: string }) =>
    send<RevokedCountResponse>(endpoint(routes.adminAction.revokeAllUserAppPasswords, { params: { userId } }), {
      body: { reason },
    }),
  );
}

export function useRevokeUserSession(userId: string) {
  return useUserMutation(userId, ({ itemId, reason }: { itemId: string; reason: string }) =>
    send<void>(endpoint(routes.adminAction.revokeUserSession, { params: { userId, itemId } }), { body: { reason } }),
  );
}

export function useRevokeAllUserSessions(userId: string) {
  return useUserMutation(userId, ({ reason }: { reason: string }) =>
    send<RevokedCountResponse>(endpoint(routes.adminAction.revokeAllUserSessions, { params: { userId } }), {
      body: { reason },
    }),
  );
}

export function useLiftUserLock(userId: string) {
  return useUserMutation(userId, ({ itemId, reason }: { itemId: string; reason: string }) =>
    send<void>(endpoint(routes.adminAction.liftUserLock, { params: { userId, itemId } }), { body: { reason } }),
  );
}

/**
 * Disabling, removing 2FA and reset links can hand an account over (or take it from its owner), so
 * they need a recent step-up like the user's own sensitive actions; the portal's dialog asks for a
 * code and the action is sent again.
 */
export function useSetUserDisabled(userId: string) {
  const withStepUp = useWithStepUp();
  return useUserMutation(userId, ({ disabled, reason }: { disabled: boolean; reason: string }) =>
    withStepUp(() =>
      send<AdminUserSummary>(
        endpoint(disabled ? routes.adminAction.disableUser : routes.adminAction.enableUser, { params: { userId } }),
        { body: { reason } },
      ),
    ),
  );
}

export function useRemoveUserTwoFactor(userId: string) {
  const withStepUp = useWithStepUp();
  return useUserMutation(userId, ({ reason }: { reason: string }) =>
    withStepUp(() =>
      send<void>(endpoint(routes.adminAction.removeUserTwoFactor, { params: { userId } }), { body: { reason } }),
    ),
  );
}

export function useCreatePasswordResetLink(userId: string) {
  const withStepUp = useWithStepUp();
  return useUserMutation(userId, ({ reason }: { reason: string }) =>
    withStepUp(() =>
      send<CreatePasswordResetLinkResponse>(
        endpoint(routes.adminAction.createPasswordResetLink, { params: { userId } }),
        {
          body: {
            reason,
          },
        },
      ),
    ),
  );
}

/** ADMIN only, for a user without a recovery address: the link itself, shown once. */
export function useRevealPasswordResetLink(userId: string) {
  const withStepUp = useWithStepUp();
  return useUserMutation(userId, ({ reason }: { reason: string }) =>
    withStepUp(() =>
      send<RevealPasswordResetLinkResponse>(
        endpoint(routes.adminAction.revealPasswordResetLink, { params: { userId } }),
        {
          body: {
            reason,
          },
        },
      ),
    ),
  );
}

/** Needs a recent step-up: the portal's dialog asks for a code, then the change is sent again. */
export function useChangeUserRole(userId: string) {
  const withStepUp = useWithStepUp();
  return useUserMutation(userId, (body: ChangeUserRoleRequest) =>
    withStepUp(() =>
      send<AdminUserSummary>(endpoint(routes.adminAction.changeUserRole, { params: { userId } }), { body }),
    ),
  );
}

export function useUpdateGlobalSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateGlobalSettingsRequest) =>
      send<GlobalSettingsView>(endpoint(routes.adminSettings.updateGlobalSettings), { body }),
    onSuccess: (settings) => {
      queryClient.setQueryData(adminKeys.settings(), settings);
      void queryClient.invalidateQueries({ queryKey: adminKeys.audits() });
    },
  });
}

export function useUpdatePasswordPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdatePasswordPolicyRequest) =>
      send<PasswordPolicyView>(endpoint(routes.adminSettings.updatePasswordPolicy), { body }),
    onSuccess: (policy) => {
      queryClient.setQueryData(adminKeys.passwordPolicy(), policy);
      void queryClient.invalidateQueries({ queryKey: adminKeys.audits() });
    },
  });
}

/** Needs a recent step-up, like a role change. */
export function useCreateServiceToken() {
  const queryClient = useQueryClient();
  const withStepUp = useWithStepUp();
  return useMutation({
    mutationFn: (body: CreateServiceTokenRequest) =>
      withStepUp(() =>
        send<CreateServiceTokenResponse>(endpoint(routes.adminServiceToken.createServiceToken), { body }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.serviceTokens() }),
  });
}

export function useRevokeServiceToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) =>
      send<void>(endpoint(routes.adminServiceToken.revokeServiceToken, { params: { tokenId } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.serviceTokens() }),
  });
}
