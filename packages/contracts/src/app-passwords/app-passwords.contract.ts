import { z } from 'zod';
import { CommonErrors } from '../common/error-codes.js';
import { defineOperation } from '../common/operation.js';
import { routes } from '../routes.js';
import { zSafeText } from '../common/strings.js';
import { SessionErrors } from '../auth/session-errors.js';
import { ZProtocol, ZServerSettings } from '../protocol-access/protocol-access.contract.js';
import { ZMailAuthReason } from '../mail-auth/deny-reasons.js';
import { AppPasswordsErrors } from './app-passwords.errors.js';
import { APP_PASSWORD_EXPIRIES, APP_PASSWORD_NAME_MAX } from '../values.js';

export { APP_PASSWORD_EXPIRIES, APP_PASSWORD_NAME_MAX };

/** At most this many active (not revoked, not expired) app passwords per user. */
export const APP_PASSWORD_LIMIT = 25;

export const ZAppPasswordExpiry = z.enum(APP_PASSWORD_EXPIRIES);
export type AppPasswordExpiry = z.infer<typeof ZAppPasswordExpiry>;

export const ZAppPasswordStatus = z.enum(['active', 'expired', 'revoked']);
export type AppPasswordStatus = z.infer<typeof ZAppPasswordStatus>;

/** App password metadata. The secret itself is never part of it: it is shown once, at creation. */
export const ZAppPassword = z
  .object({
    id: z.uuid(),
    name: z.string(),
    scopes: z.array(ZProtocol),
    status: ZAppPasswordStatus,
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
    lastUsedAt: z.iso.datetime().nullable(),
    lastUsedProtocol: ZProtocol.nullable(),
    lastUsedIp: z.string().nullable(),
    /** The newest refused login with it since it was last used (or made), so the list can say why it fails. */
    lastRefusal: z
      .object({ time: z.iso.datetime(), protocol: ZProtocol.nullable(), reasonCode: ZMailAuthReason })
      .nullable(),
  })
  .meta({ id: 'AppPassword' });
export type AppPasswordView = z.infer<typeof ZAppPassword>;

export const ZListAppPasswordsResponse = z
  .object({
    /** Active ones first (newest first), then those revoked or expired in the last 30 days. */
    appPasswords: z.array(ZAppPassword),
    activeCount: z.number().int(),
    limit: z.number().int(),
  })
  .meta({ id: 'ListAppPasswordsResponse' });
export type ListAppPasswordsResponse = z.infer<typeof ZListAppPasswordsResponse>;

export const ZAppPasswordName = zSafeText(APP_PASSWORD_NAME_MAX)
  .transform((value) => value.normalize('NFKC').trim())
  .pipe(z.string().min(1, { message: 'Give the app password a name.' }).max(APP_PASSWORD_NAME_MAX));

export const ZCreateAppPasswordRequest = z
  .strictObject({
    name: ZAppPasswordName,
    scopes: z
      .array(ZProtocol)
      .min(1, { message: 'Choose at least one protocol.' })
      .max(3)
      .refine((scopes) => new Set(scopes).size === scopes.length, { message: 'Each protocol may appear once.' }),
    expiresIn: ZAppPasswordExpiry.default('never'),
  })
  .meta({ id: 'CreateAppPasswordRequest' });
export type CreateAppPasswordRequest = z.input<typeof ZCreateAppPasswordRequest>;

export const ZCreateAppPasswordResponse = z
  .object({
    appPassword: ZAppPassword,
    /** Shown exactly once, in groups of four (`ABCD-EFGH-…`); any case and spacing is accepted at login. */
    secret: z.string(),
    /** The settings for each protocol in the app password's scopes. */
    serverSettings: z.array(ZServerSettings),
  })
  .meta({ id: 'CreateAppPasswordResponse' });
export type CreateAppPasswordResponse = z.infer<typeof ZCreateAppPasswordResponse>;

export const ZAppPasswordIdParams = z.strictObject({ id: z.uuid({ message: 'Not a valid id.' }) });

export const ZRevokeAllAppPasswordsResponse = z
  .object({ revoked: z.number().int() })
  .meta({ id: 'RevokeAllAppPasswordsResponse' });
export type RevokeAllAppPasswordsResponse = z.infer<typeof ZRevokeAllAppPasswordsResponse>;

const SESSION_ERRORS = [CommonErrors.UNAUTHENTICATED, SessionErrors.SESSION_EXPIRED] as const;
const CHANGE_ERRORS = [...SESSION_ERRORS, CommonErrors.CSRF_CHECK_FAILED] as const;

export const appPasswordsOperations = {
  list: defineOperation(routes.appPasswords.list, {
    tag: 'App passwords',
    summary: "The signed-in user's app passwords (metadata only, never the secret).",
    auth: 'session',
    responses: { 200: ZListAppPasswordsResponse },
    errors: [...SESSION_ERRORS],
  }),
  create: defineOperation(routes.appPasswords.create, {
    tag: 'App passwords',
    summary: 'Create an app password. The response is the only time the secret is shown.',
    description: 'Needs a recent step-up.',
    auth: 'session',
    body: ZCreateAppPasswordRequest,
    responses: { 201: ZCreateAppPasswordResponse },
    errors: [
      CommonErrors.VALIDATION_FAILED,
      ...CHANGE_ERRORS,
      SessionErrors.STEP_UP_REQUIRED,
      AppPasswordsErrors.APP_PASSWORD_LIMIT_REACHED,
    ],
  }),
  revoke: defineOperation(routes.appPasswords.revoke, {
    tag: 'App passwords',
    summary: 'Revoke one app password. Mail programs using it stop working at their next login.',
    description: 'Revoking one that is already revoked succeeds without a change.',
    auth: 'session',
    params: ZAppPasswordIdParams,
    responses: { 204: null },
    errors: [CommonErrors.VALIDATION_FAILED, CommonErrors.NOT_FOUND, ...CHANGE_ERRORS],
  }),
  revokeAll: defineOperation(routes.appPasswords.revokeAll, {
    tag: 'App passwords',
    summary: 'Revoke every active app password of the signed-in user.',
    auth: 'session',
    responses: { 200: ZRevokeAllAppPasswordsResponse },
    errors: [...CHANGE_ERRORS],
  }),
};
