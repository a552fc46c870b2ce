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
import { http } from '../http';
import { useWithStepUp } from '../step-up-context';
import { adminRoutes, fillPath } from './admin-routes';
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
    http.put<ProtocolAccessView>(fillPath(adminRoutes.setUserProtocolAccess.path, { userId, protocol }), body),
  );
}

export function useRevokeUserAppPassword(userId: string) {
  return useUserMutation(userId, ({ itemId, reason }: { itemId: string; reason: string }) =>
    http.post<void>(fillPath(adminRoutes.revokeUserAppPassword.path, { userId, itemId }), { reason }),
  );
}

export function useRemoveUserPasskey(userId: string) {
  return useUserMutation(userId, ({ itemId, reason }: { itemId: string; reason: string }) =>
    http.post<void>(fillPath(adminRoutes.removeUserPasskey.path, { userId, itemId }), { reason }),
  );
}

export function useRevokeAllUserAppPasswords(userId: string) {
  return useUserMutation(userId, ({ reason }: { reason: string }) =>
    http.post<RevokedCountResponse>(fillPath(adminRoutes.revokeAllUserAppPasswords.path, { userId }), { reason }),
  );
}

export function useRevokeUserSession(userId: string) {
  return useUserMutation(userId, ({ itemId, reason }: { itemId: string; reason: string }) =>
    http.post<void>(fillPath(adminRoutes.revokeUserSession.path, { userId, itemId }), { reason }),
  );
}

export function useRevokeAllUserSessions(userId: string) {
  return useUserMutation(userId, ({ reason }: { reason: string }) =>
    http.post<RevokedCountResponse>(fillPath(adminRoutes.revokeAllUserSessions.path, { userId }), { reason }),
  );
}

export function useLiftUserLock(userId: string) {
  return useUserMutation(userId, ({ itemId, reason }: { itemId: string; reason: string }) =>
    http.post<void>(fillPath(adminRoutes.liftUserLock.path, { userId, itemId }), { reason }),
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
      http.post<AdminUserSummary>(
        fillPath(disabled ? adminRoutes.disableUser.path : adminRoutes.enableUser.path, { userId }),
        { reason },
      ),
    ),
  );
}

export function useRemoveUserTwoFactor(userId: string) {
  const withStepUp = useWithStepUp();
  return useUserMutation(userId, ({ reason }: { reason: string }) =>
    withStepUp(() => http.post<void>(fillPath(adminRoutes.removeUserTwoFactor.path, { userId }), { reason })),
  );
}

export function useCreatePasswordResetLink(userId: string) {
  const withStepUp = useWithStepUp();
  return useUserMutation(userId, ({ reason }: { reason: string }) =>
    withStepUp(() =>
      http.post<CreatePasswordResetLinkResponse>(fillPath(adminRoutes.createPasswordResetLink.path, { userId }), {
        reason,
      }),
    ),
  );
}

/** ADMIN only, for a user without a recovery address: the link itself, shown once. */
export function useRevealPasswordResetLink(userId: string) {
  const withStepUp = useWithStepUp();
  return useUserMutation(userId, ({ reason }: { reason: string }) =>
    withStepUp(() =>
      http.post<RevealPasswordResetLinkResponse>(fillPath(adminRoutes.revealPasswordResetLink.path, { userId }), {
        reason,
      }),
    ),
  );
}

/** Needs a recent step-up: the portal's dialog asks for a code, then the change is sent again. */
export function useChangeUserRole(userId: string) {
  const withStepUp = useWithStepUp();
  return useUserMutation(userId, (body: ChangeUserRoleRequest) =>
    withStepUp(() => http.put<AdminUserSummary>(fillPath(adminRoutes.changeUserRole.path, { userId }), body)),
  );
}

export function useUpdateGlobalSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateGlobalSettingsRequest) =>
      http.put<GlobalSettingsView>(adminRoutes.updateGlobalSettings.path, body),
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
      http.put<PasswordPolicyView>(adminRoutes.updatePasswordPolicy.path, body),
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
      withStepUp(() => http.post<CreateServiceTokenResponse>(adminRoutes.createServiceToken.path, body)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.serviceTokens() }),
  });
}

export function useRevokeServiceToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => http.post<void>(fillPath(adminRoutes.revokeServiceToken.path, { tokenId })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.serviceTokens() }),
  });
}
