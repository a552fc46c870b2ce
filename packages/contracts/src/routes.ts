// Every API operation's method and path, without zod: the one place each route is written.
// `defineOperation` takes its route from here (so the API mounts exactly these), and the SPA builds
// its URLs from `@mailgate/contracts/routes`, which keeps zod out of its bundle. Group and operation
// names are those of the `<group>Operations` objects. Nothing here may import zod or a schema.

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ApiRoute {
  readonly method: HttpMethod;
  /** OpenAPI-style path, e.g. `/api/account/app-passwords/{id}`. */
  readonly path: string;
}

/** The `{name}` placeholders of a path, as a union of their names (`never` for none). */
export type PathParamNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PathParamNames<Rest>
  : never;

/** A value for each placeholder of a path. */
export type PathParams<P extends string> = Record<PathParamNames<P>, string>;

export const routes = {
  health: {
    liveness: { method: 'get', path: '/api/health' },
    readiness: { method: 'get', path: '/api/ready' },
  },
  auth: {
    signIn: { method: 'post', path: '/api/auth/sign-in' },
    signInTotp: { method: 'post', path: '/api/auth/sign-in/totp' },
    signOut: { method: 'post', path: '/api/auth/sign-out' },
    me: { method: 'get', path: '/api/auth/me' },
    listSessions: { method: 'get', path: '/api/auth/sessions' },
    signOutOthers: { method: 'post', path: '/api/auth/sessions/sign-out-others' },
    revokeSession: { method: 'delete', path: '/api/auth/sessions/{id}' },
    stepUp: { method: 'post', path: '/api/auth/step-up' },
  },
  totp: {
    status: { method: 'get', path: '/api/account/totp' },
    startEnrollment: { method: 'post', path: '/api/account/totp/enrollment' },
    confirmEnrollment: { method: 'post', path: '/api/account/totp/enrollment/confirm' },
    regenerateRecoveryCodes: { method: 'post', path: '/api/account/totp/recovery-codes' },
    disable: { method: 'delete', path: '/api/account/totp' },
  },
  passkey: {
    list: { method: 'get', path: '/api/account/passkeys' },
    registrationOptions: { method: 'post', path: '/api/account/passkeys/registration-options' },
    register: { method: 'post', path: '/api/account/passkeys' },
    rename: { method: 'patch', path: '/api/account/passkeys/{id}' },
    remove: { method: 'delete', path: '/api/account/passkeys/{id}' },
    signInOptions: { method: 'post', path: '/api/auth/passkey/sign-in-options' },
    signIn: { method: 'post', path: '/api/auth/sign-in/passkey' },
    stepUpOptions: { method: 'post', path: '/api/auth/step-up/passkey-options' },
  },
  password: {
    policy: { method: 'get', path: '/api/account/password-policy' },
    change: { method: 'post', path: '/api/account/password' },
  },
  protocolAccess: {
    list: { method: 'get', path: '/api/account/protocols' },
    set: { method: 'put', path: '/api/account/protocols/{protocol}' },
  },
  appPasswords: {
    list: { method: 'get', path: '/api/account/app-passwords' },
    create: { method: 'post', path: '/api/account/app-passwords' },
    revoke: { method: 'delete', path: '/api/account/app-passwords/{id}' },
    revokeAll: { method: 'post', path: '/api/account/app-passwords/revoke-all' },
  },
  mailSetup: {
    createProfile: { method: 'post', path: '/api/account/device-profiles' },
    createHandoff: { method: 'post', path: '/api/account/device-handoffs' },
    redeemHandoff: { method: 'post', path: '/api/account/device-handoffs/redeem' },
    firstLogin: { method: 'get', path: '/api/account/app-passwords/{id}/first-login' },
  },
  activity: {
    logins: { method: 'get', path: '/api/account/activity/logins' },
    events: { method: 'get', path: '/api/account/activity/events' },
  },
  notices: {
    list: { method: 'get', path: '/api/account/notices' },
    markRead: { method: 'post', path: '/api/account/notices/{id}/read' },
    markAllRead: { method: 'post', path: '/api/account/notices/read-all' },
  },
  mailAuth: {
    decide: { method: 'post', path: '/api/mail/v1/auth' },
    protocolLookup: { method: 'get', path: '/api/mail/v1/users/{email}/protocols/{protocol}' },
    userLookup: { method: 'get', path: '/api/mail/v1/users/{email}' },
  },
  adminUser: {
    staffMe: { method: 'get', path: '/api/admin/me' },
    searchUsers: { method: 'get', path: '/api/admin/users' },
    getUser: { method: 'get', path: '/api/admin/users/{userId}' },
  },
  adminAction: {
    setUserProtocolAccess: { method: 'put', path: '/api/admin/users/{userId}/protocol-access/{protocol}' },
    revokeUserAppPassword: { method: 'post', path: '/api/admin/users/{userId}/app-passwords/{itemId}/revoke' },
    removeUserPasskey: { method: 'post', path: '/api/admin/users/{userId}/passkeys/{itemId}/remove' },
    revokeAllUserAppPasswords: { method: 'post', path: '/api/admin/users/{userId}/app-passwords/revoke-all' },
    revokeUserSession: { method: 'post', path: '/api/admin/users/{userId}/sessions/{itemId}/revoke' },
    revokeAllUserSessions: { method: 'post', path: '/api/admin/users/{userId}/sessions/revoke-all' },
    liftUserLock: { method: 'post', path: '/api/admin/users/{userId}/locks/{itemId}/lift' },
    disableUser: { method: 'post', path: '/api/admin/users/{userId}/disable' },
    enableUser: { method: 'post', path: '/api/admin/users/{userId}/enable' },
    removeUserTwoFactor: { method: 'post', path: '/api/admin/users/{userId}/two-factor/remove' },
    createPasswordResetLink: { method: 'post', path: '/api/admin/users/{userId}/password-reset-links' },
    revealPasswordResetLink: { method: 'post', path: '/api/admin/users/{userId}/password-reset-links/reveal' },
    changeUserRole: { method: 'put', path: '/api/admin/users/{userId}/role' },
  },
  adminAudit: {
    queryAuditLog: { method: 'get', path: '/api/admin/audit-events' },
    exportAuditLog: { method: 'get', path: '/api/admin/audit-events/export' },
  },
  adminSettings: {
    getGlobalSettings: { method: 'get', path: '/api/admin/settings' },
    updateGlobalSettings: { method: 'put', path: '/api/admin/settings' },
    getPasswordPolicy: { method: 'get', path: '/api/admin/password-policy' },
    updatePasswordPolicy: { method: 'put', path: '/api/admin/password-policy' },
  },
  adminServiceToken: {
    listServiceTokens: { method: 'get', path: '/api/admin/service-tokens' },
    createServiceToken: { method: 'post', path: '/api/admin/service-tokens' },
    revokeServiceToken: { method: 'post', path: '/api/admin/service-tokens/{tokenId}/revoke' },
  },
  pendingResetLink: {
    listPendingLinks: { method: 'get', path: '/api/account/password-reset-links' },
    cancelLink: { method: 'delete', path: '/api/account/password-reset-links/{id}' },
  },
  passwordReset: {
    passwordResetRules: { method: 'post', path: '/api/password-reset/password-rules' },
    redeemPasswordReset: { method: 'post', path: '/api/password-reset' },
  },
  recovery: {
    getRecoveryAddress: { method: 'get', path: '/api/account/recovery-address' },
    setRecoveryAddress: { method: 'put', path: '/api/account/recovery-address' },
    removeRecoveryAddress: { method: 'delete', path: '/api/account/recovery-address' },
    confirmRecoveryAddress: { method: 'post', path: '/api/recovery-address/confirm' },
    requestPasswordReset: { method: 'post', path: '/api/password-reset/request' },
  },
  adminMailOutbox: {
    getMailOutbox: { method: 'get', path: '/api/admin/mail-outbox' },
  },
} as const satisfies Record<string, Record<string, ApiRoute>>;
