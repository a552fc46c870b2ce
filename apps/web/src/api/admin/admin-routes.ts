import type {
  adminActionOperations,
  adminAuditOperations,
  adminMailOutboxOperations,
  adminServiceTokenOperations,
  adminSettingsOperations,
  adminUserOperations,
  passwordResetOperations,
} from '@mailgate/contracts';

// Type-only imports keep zod out of the bundle; `satisfies` below still makes every method and path
// here a compile error the moment it drifts from the contract.
type AdminOperations = typeof adminUserOperations &
  typeof adminActionOperations &
  typeof adminAuditOperations &
  typeof adminSettingsOperations &
  typeof adminServiceTokenOperations &
  typeof adminMailOutboxOperations &
  typeof passwordResetOperations;

type RouteOf<K extends keyof AdminOperations> = Pick<AdminOperations[K], 'method' | 'path'>;

export const adminRoutes = {
  staffMe: { method: 'get', path: '/api/admin/me' },
  searchUsers: { method: 'get', path: '/api/admin/users' },
  getUser: { method: 'get', path: '/api/admin/users/{userId}' },
  setUserProtocolAccess: { method: 'put', path: '/api/admin/users/{userId}/protocol-access/{protocol}' },
  revokeUserAppPassword: { method: 'post', path: '/api/admin/users/{userId}/app-passwords/{itemId}/revoke' },
  revokeAllUserAppPasswords: { method: 'post', path: '/api/admin/users/{userId}/app-passwords/revoke-all' },
  revokeUserSession: { method: 'post', path: '/api/admin/users/{userId}/sessions/{itemId}/revoke' },
  revokeAllUserSessions: { method: 'post', path: '/api/admin/users/{userId}/sessions/revoke-all' },
  liftUserLock: { method: 'post', path: '/api/admin/users/{userId}/locks/{itemId}/lift' },
  disableUser: { method: 'post', path: '/api/admin/users/{userId}/disable' },
  enableUser: { method: 'post', path: '/api/admin/users/{userId}/enable' },
  removeUserPasskey: { method: 'post', path: '/api/admin/users/{userId}/passkeys/{itemId}/remove' },
  removeUserTwoFactor: { method: 'post', path: '/api/admin/users/{userId}/two-factor/remove' },
  createPasswordResetLink: { method: 'post', path: '/api/admin/users/{userId}/password-reset-links' },
  revealPasswordResetLink: { method: 'post', path: '/api/admin/users/{userId}/password-reset-links/reveal' },
  changeUserRole: { method: 'put', path: '/api/admin/users/{userId}/role' },
  queryAuditLog: { method: 'get', path: '/api/admin/audit-events' },
  exportAuditLog: { method: 'get', path: '/api/admin/audit-events/export' },
  getGlobalSettings: { method: 'get', path: '/api/admin/settings' },
  updateGlobalSettings: { method: 'put', path: '/api/admin/settings' },
  getPasswordPolicy: { method: 'get', path: '/api/admin/password-policy' },
  updatePasswordPolicy: { method: 'put', path: '/api/admin/password-policy' },
  listServiceTokens: { method: 'get', path: '/api/admin/service-tokens' },
  createServiceToken: { method: 'post', path: '/api/admin/service-tokens' },
  revokeServiceToken: { method: 'post', path: '/api/admin/service-tokens/{tokenId}/revoke' },
  redeemPasswordReset: { method: 'post', path: '/api/password-reset' },
  passwordResetRules: { method: 'post', path: '/api/password-reset/password-rules' },
  getMailOutbox: { method: 'get', path: '/api/admin/mail-outbox' },
} as const satisfies { [K in keyof AdminOperations]: RouteOf<K> };

type PathParamNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PathParamNames<Rest>
  : never;

export type PathParams<P extends string> = Record<PathParamNames<P>, string>;

/** Fills `{name}` placeholders, encoding each value so an id can never add a path segment. */
export function fillPath<P extends string>(path: P, params: PathParams<P>): string {
  const values = params as Record<string, string>;
  return path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(value);
  });
}

/** A query string from the defined, non-empty values only (empty filters mean "no filter"). */
export function withQuery(path: string, query: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}
