import { z } from 'zod';
import { CommonErrors } from '../common/error-codes.js';
import { defineOperation } from '../common/operation.js';
import { routes } from '../routes.js';
import { ZEmail, ZPasswordInput } from '../common/strings.js';
import { RECOVERY_CODE_INPUT_MAX, ROLES, TOTP_CODE_INPUT_MAX } from '../values.js';
import { AuthErrors } from './auth.errors.js';
import { SessionErrors } from './session-errors.js';
import { PasskeyErrors } from '../passkeys/passkeys.errors.js';
import { ZPasskeyAuthenticationResponse } from '../passkeys/webauthn-json.js';

export const ZRole = z.enum(ROLES);
export type Role = z.infer<typeof ZRole>;

/** The signed-in user, as the SPA needs it to render the shell. */
export const ZMe = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    locale: z.string(),
    role: ZRole,
    totpEnabled: z.boolean(),
    passkeyCount: z
      .number()
      .int()
      .meta({ description: 'How many passkeys the user has (each one is a strong factor).' }),
    stepUpValidUntil: z.iso
      .datetime()
      .nullable()
      .meta({ description: 'Until when sensitive actions need no new confirmation; null when none is valid.' }),
    staffTotpRequired: z.boolean().meta({
      description:
        'True for staff accounts without a strong second factor (TOTP or a passkey): the staff panel stays closed until one is set up.',
    }),
    staffPasskeyRequired: z.boolean().meta({
      description:
        'True for staff when an admin requires passkeys and this session was not confirmed with one: the panel stays closed until a passkey step-up.',
    }),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof ZMe>;

/** Second factors that can finish a password sign-in. */
export const ZSecondFactorMethod = z.enum(['totp', 'passkey']);
export type SecondFactorMethod = z.infer<typeof ZSecondFactorMethod>;

export const ZSignInRequest = z.strictObject({ email: ZEmail, password: ZPasswordInput }).meta({ id: 'SignInRequest' });
export type SignInRequest = z.input<typeof ZSignInRequest>;

export const ZSignInResponse = z
  .discriminatedUnion('status', [
    z.object({ status: z.literal('signed-in'), session: ZMe }),
    z.object({
      status: z.literal('totp-required'),
    }),
    z.object({
      status: z.literal('second-factor-required'),
      methods: z.array(ZSecondFactorMethod).min(1),
    }),
  ])
  .meta({
    id: 'SignInResponse',
    description:
      '"totp-required": the password was right and TOTP is the account\'s only second factor; send a code to /api/auth/sign-in/totp within a few minutes. "second-factor-required": the account has passkeys; finish with one (/api/auth/sign-in/passkey) or, when "totp" is listed, with a code.',
  });
export type SignInResponse = z.infer<typeof ZSignInResponse>;

/** A 6-digit code from an authenticator app; spaces are allowed, as apps show "123 456". */
export const ZTotpCode = z
  .string()
  .max(TOTP_CODE_INPUT_MAX)
  .transform((value) => value.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, { message: 'Enter the 6-digit code.' }));

/** A recovery code as printed (`ABCD-EFGH-JKLM`); case, spaces and dashes do not matter. */
export const ZRecoveryCodeInput = z
  .string()
  .max(RECOVERY_CODE_INPUT_MAX)
  .transform((value) => value.replace(/[\s-]+/g, '').toUpperCase())
  .pipe(z.string().regex(/^[0-9A-Z]{8,32}$/, { message: 'Enter a recovery code.' }));

export const ZSignInTotpRequest = z
  .union([z.strictObject({ code: ZTotpCode }), z.strictObject({ recoveryCode: ZRecoveryCodeInput })])
  .meta({ id: 'SignInTotpRequest' });
export type SignInTotpRequest = z.input<typeof ZSignInTotpRequest>;

export const ZSignInTotpResponse = z
  .object({ status: z.literal('signed-in'), session: ZMe, recoveryCodesRemaining: z.number().int().optional() })
  .meta({ id: 'SignInTotpResponse' });
export type SignInTotpResponse = z.infer<typeof ZSignInTotpResponse>;

export const ZSessionView = z
  .object({
    id: z.uuid(),
    createdAt: z.iso.datetime(),
    lastSeenAt: z.iso.datetime(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    current: z.boolean(),
  })
  .meta({ id: 'SessionView' });
export type SessionView = z.infer<typeof ZSessionView>;

export const ZListSessionsResponse = z.object({ sessions: z.array(ZSessionView) }).meta({ id: 'ListSessionsResponse' });
export type ListSessionsResponse = z.infer<typeof ZListSessionsResponse>;

export const ZSignOutOthersResponse = z
  .object({ signedOut: z.number().int().meta({ description: 'How many other sessions were ended.' }) })
  .meta({ id: 'SignOutOthersResponse' });
export type SignOutOthersResponse = z.infer<typeof ZSignOutOthersResponse>;

export const ZSessionIdParams = z.strictObject({ id: z.uuid() });

export const ZStepUpRequest = z
  .union([
    z.strictObject({ password: ZPasswordInput }),
    z.strictObject({ totpCode: ZTotpCode }),
    z.strictObject({ passkey: ZPasskeyAuthenticationResponse }),
  ])
  .meta({
    id: 'StepUpRequest',
    description:
      'The password while no strong factor is on; otherwise a code from the authenticator app (when TOTP is on) or a passkey (options from /api/auth/step-up/passkey-options).',
  });
export type StepUpRequest = z.input<typeof ZStepUpRequest>;

export const ZStepUpResponse = z.object({ stepUpValidUntil: z.iso.datetime() }).meta({ id: 'StepUpResponse' });
export type StepUpResponse = z.infer<typeof ZStepUpResponse>;

export const authOperations = {
  signIn: defineOperation(routes.auth.signIn, {
    tag: 'Auth',
    summary: 'Sign in with e-mail and password.',
    description:
      'Starts a fresh session (new id) or, when 2FA is on, a short pending sign-in that needs a code next. Unknown e-mail and wrong password give the same answer.',
    auth: 'none',
    body: ZSignInRequest,
    responses: { 200: ZSignInResponse },
    errors: [AuthErrors.INVALID_CREDENTIALS, SessionErrors.ACCOUNT_DISABLED, CommonErrors.RATE_LIMITED],
  }),
  signInTotp: defineOperation(routes.auth.signInTotp, {
    tag: 'Auth',
    summary: 'Finish a sign-in with a 2FA code or a recovery code.',
    auth: 'none',
    body: ZSignInTotpRequest,
    responses: { 200: ZSignInTotpResponse },
    errors: [
      AuthErrors.SIGN_IN_PENDING_EXPIRED,
      AuthErrors.TOTP_CODE_INVALID,
      AuthErrors.RECOVERY_CODE_INVALID,
      CommonErrors.RATE_LIMITED,
    ],
  }),
  signOut: defineOperation(routes.auth.signOut, {
    tag: 'Auth',
    summary: 'Sign out of this session.',
    auth: 'none',
    responses: { 204: null },
  }),
  me: defineOperation(routes.auth.me, {
    tag: 'Auth',
    summary: 'The signed-in user.',
    auth: 'session',
    responses: { 200: ZMe },
    errors: [CommonErrors.UNAUTHENTICATED, SessionErrors.SESSION_EXPIRED],
  }),
  listSessions: defineOperation(routes.auth.listSessions, {
    tag: 'Auth',
    summary: "The signed-in user's active sessions.",
    auth: 'session',
    responses: { 200: ZListSessionsResponse },
  }),
  signOutOthers: defineOperation(routes.auth.signOutOthers, {
    tag: 'Auth',
    summary: 'Sign out everywhere else.',
    auth: 'session',
    responses: { 200: ZSignOutOthersResponse },
  }),
  revokeSession: defineOperation(routes.auth.revokeSession, {
    tag: 'Auth',
    summary: 'End one of your sessions.',
    auth: 'session',
    params: ZSessionIdParams,
    responses: { 204: null },
    errors: [CommonErrors.NOT_FOUND],
  }),
  stepUp: defineOperation(routes.auth.stepUp, {
    tag: 'Auth',
    summary: 'Confirm it is you before a sensitive action.',
    description: 'With the password while 2FA is off, with a code from the authenticator app while it is on.',
    auth: 'session',
    body: ZStepUpRequest,
    responses: { 200: ZStepUpResponse },
    errors: [
      AuthErrors.STEP_UP_FAILED,
      AuthErrors.STEP_UP_TOTP_REQUIRED,
      AuthErrors.STEP_UP_PASSWORD_REQUIRED,
      AuthErrors.STEP_UP_PASSKEY_REQUIRED,
      PasskeyErrors.PASSKEY_CHALLENGE_INVALID,
      PasskeyErrors.PASSKEY_NOT_ACCEPTED,
      CommonErrors.RATE_LIMITED,
    ],
  }),
};
