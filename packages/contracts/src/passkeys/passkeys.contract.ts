import { z } from 'zod';
import { CommonErrors } from '../common/error-codes.js';
import { defineOperation } from '../common/operation.js';
import { routes } from '../routes.js';
import { PASSKEY_NAME_MAX } from '../values.js';
import { zSafeText } from '../common/strings.js';
import { AuthErrors } from '../auth/auth.errors.js';
import { SessionErrors } from '../auth/session-errors.js';
import { ZMe } from '../auth/auth.contract.js';
import { PasskeyErrors } from './passkeys.errors.js';
import { ZPasskeyAuthenticationResponse, ZPasskeyOptions, ZPasskeyRegistrationResponse } from './webauthn-json.js';

export { PASSKEY_NAME_MAX };
export const PASSKEY_LIMIT = 20;

export const ZPasskeyName = zSafeText(PASSKEY_NAME_MAX)
  .transform((value) => value.normalize('NFKC').trim())
  .pipe(z.string().min(1, { message: 'Give the passkey a name.' }).max(PASSKEY_NAME_MAX));

export const ZPasskeyView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
    backedUp: z
      .boolean()
      .meta({ description: 'Synced by a password manager or platform (it survives losing the device).' }),
  })
  .meta({ id: 'PasskeyView' });
export type PasskeyView = z.infer<typeof ZPasskeyView>;

export const ZListPasskeysResponse = z
  .object({
    passkeys: z.array(ZPasskeyView),
    limit: z.number().int(),
    totpEnabled: z
      .boolean()
      .meta({ description: 'Whether TOTP remains as a strong factor when passkeys are removed.' }),
  })
  .meta({ id: 'ListPasskeysResponse' });
export type ListPasskeysResponse = z.infer<typeof ZListPasskeysResponse>;

export const ZRegisterPasskeyRequest = z
  .strictObject({ name: ZPasskeyName, response: ZPasskeyRegistrationResponse })
  .meta({ id: 'RegisterPasskeyRequest' });
export type RegisterPasskeyRequest = z.input<typeof ZRegisterPasskeyRequest>;

export const ZRenamePasskeyRequest = z.strictObject({ name: ZPasskeyName }).meta({ id: 'RenamePasskeyRequest' });
export type RenamePasskeyRequest = z.input<typeof ZRenamePasskeyRequest>;

export const ZPasskeyIdParams = z.strictObject({ id: z.uuid({ message: 'Not a valid id.' }) });

export const ZPasskeySignInRequest = z
  .strictObject({ response: ZPasskeyAuthenticationResponse })
  .meta({ id: 'PasskeySignInRequest' });
export type PasskeySignInRequest = z.input<typeof ZPasskeySignInRequest>;

export const ZPasskeySignInResponse = z
  .object({ status: z.literal('signed-in'), session: ZMe })
  .meta({ id: 'PasskeySignInResponse' });
export type PasskeySignInResponse = z.infer<typeof ZPasskeySignInResponse>;

export const passkeyOperations = {
  list: defineOperation(routes.passkey.list, {
    tag: 'Passkeys',
    summary: "The signed-in user's passkeys.",
    auth: 'session',
    responses: { 200: ZListPasskeysResponse },
  }),
  registrationOptions: defineOperation(routes.passkey.registrationOptions, {
    tag: 'Passkeys',
    summary: 'Start adding a passkey: options for navigator.credentials.create().',
    description: 'Needs a recent step-up. The challenge is bound to this session, valid 2 minutes, usable once.',
    auth: 'session',
    responses: { 200: ZPasskeyOptions },
    errors: [SessionErrors.STEP_UP_REQUIRED, PasskeyErrors.PASSKEY_LIMIT_REACHED],
  }),
  register: defineOperation(routes.passkey.register, {
    tag: 'Passkeys',
    summary: 'Finish adding a passkey with the authenticator’s response.',
    auth: 'session',
    body: ZRegisterPasskeyRequest,
    responses: { 201: ZPasskeyView },
    errors: [
      SessionErrors.STEP_UP_REQUIRED,
      PasskeyErrors.PASSKEY_CHALLENGE_INVALID,
      PasskeyErrors.PASSKEY_REGISTRATION_FAILED,
      PasskeyErrors.PASSKEY_ALREADY_REGISTERED,
      PasskeyErrors.PASSKEY_LIMIT_REACHED,
    ],
  }),
  rename: defineOperation(routes.passkey.rename, {
    tag: 'Passkeys',
    summary: 'Rename a passkey (needs a step-up).',
    auth: 'session',
    params: ZPasskeyIdParams,
    body: ZRenamePasskeyRequest,
    responses: { 200: ZPasskeyView },
    errors: [SessionErrors.STEP_UP_REQUIRED, CommonErrors.NOT_FOUND],
  }),
  remove: defineOperation(routes.passkey.remove, {
    tag: 'Passkeys',
    summary: 'Remove a passkey (needs a step-up).',
    auth: 'session',
    params: ZPasskeyIdParams,
    responses: { 204: null },
    errors: [SessionErrors.STEP_UP_REQUIRED, CommonErrors.NOT_FOUND],
  }),
  signInOptions: defineOperation(routes.passkey.signInOptions, {
    tag: 'Auth',
    summary: 'Options for signing in with a passkey (navigator.credentials.get()).',
    description:
      'Without a pending sign-in: any passkey of any account (discoverable). After the password step: only that account’s passkeys. The challenge is bound to this browser, valid 2 minutes, usable once.',
    auth: 'none',
    responses: { 200: ZPasskeyOptions },
    errors: [CommonErrors.RATE_LIMITED],
  }),
  signIn: defineOperation(routes.passkey.signIn, {
    tag: 'Auth',
    summary: 'Sign in with a passkey alone, or finish a password sign-in with one.',
    auth: 'none',
    body: ZPasskeySignInRequest,
    responses: { 200: ZPasskeySignInResponse },
    errors: [
      PasskeyErrors.PASSKEY_CHALLENGE_INVALID,
      PasskeyErrors.PASSKEY_NOT_ACCEPTED,
      AuthErrors.SIGN_IN_PENDING_EXPIRED,
      SessionErrors.ACCOUNT_DISABLED,
      CommonErrors.RATE_LIMITED,
    ],
  }),
  stepUpOptions: defineOperation(routes.passkey.stepUpOptions, {
    tag: 'Auth',
    summary: 'Options for confirming it is you with one of your passkeys.',
    auth: 'session',
    responses: { 200: ZPasskeyOptions },
    errors: [CommonErrors.NOT_FOUND],
  }),
};
