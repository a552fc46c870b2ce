// Every API path the portal calls. The contracts' operation objects are not imported at run time
// (that would bundle zod and every schema); endpoints.test.ts checks these against them instead.
const segment = (value: string) => encodeURIComponent(value);

export const endpoints = {
  me: '/api/auth/me',
  signIn: '/api/auth/sign-in',
  signInTotp: '/api/auth/sign-in/totp',
  signOut: '/api/auth/sign-out',
  stepUp: '/api/auth/step-up',
  sessions: '/api/auth/sessions',
  signOutOthers: '/api/auth/sessions/sign-out-others',
  session: (id: string) => `/api/auth/sessions/${segment(id)}`,

  totp: '/api/account/totp',
  totpEnrollment: '/api/account/totp/enrollment',
  totpEnrollmentConfirm: '/api/account/totp/enrollment/confirm',
  totpRecoveryCodes: '/api/account/totp/recovery-codes',

  passkeys: '/api/account/passkeys',
  passkey: (id: string) => `/api/account/passkeys/${segment(id)}`,
  passkeyRegistrationOptions: '/api/account/passkeys/registration-options',
  passkeySignInOptions: '/api/auth/passkey/sign-in-options',
  signInPasskey: '/api/auth/sign-in/passkey',
  stepUpPasskeyOptions: '/api/auth/step-up/passkey-options',

  passwordPolicy: '/api/account/password-policy',
  password: '/api/account/password',

  protocols: '/api/account/protocols',
  protocol: (protocol: string) => `/api/account/protocols/${segment(protocol.toLowerCase())}`,

  appPasswords: '/api/account/app-passwords',
  appPassword: (id: string) => `/api/account/app-passwords/${segment(id)}`,
  appPasswordsRevokeAll: '/api/account/app-passwords/revoke-all',
  appPasswordFirstLogin: (id: string) => `/api/account/app-passwords/${segment(id)}/first-login`,

  deviceProfiles: '/api/account/device-profiles',
  deviceHandoffs: '/api/account/device-handoffs',
  deviceHandoffRedeem: '/api/account/device-handoffs/redeem',

  loginActivity: (limit: number) => `/api/account/activity/logins?limit=${limit}`,
  securityEvents: (limit: number) => `/api/account/activity/events?limit=${limit}`,

  resetLinks: '/api/account/password-reset-links',
  resetLink: (id: string) => `/api/account/password-reset-links/${segment(id)}`,

  recoveryAddress: '/api/account/recovery-address',
  recoveryConfirm: '/api/recovery-address/confirm',
  forgotPassword: '/api/password-reset/request',

  notices: '/api/account/notices',
  noticeRead: (id: string) => `/api/account/notices/${segment(id)}/read`,
  noticesReadAll: '/api/account/notices/read-all',
} as const;
