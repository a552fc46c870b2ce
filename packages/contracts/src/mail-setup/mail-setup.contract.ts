import { z } from 'zod';
import { CommonErrors } from '../common/error-codes.js';
import { defineOperation } from '../common/operation.js';
import { routes } from '../routes.js';
import { SessionErrors } from '../auth/session-errors.js';
import { AppPasswordsErrors } from '../app-passwords/app-passwords.errors.js';
import { ZAppPassword, ZAppPasswordName } from '../app-passwords/app-passwords.contract.js';
import { ZMailAuthReason } from '../mail-auth/deny-reasons.js';
import { ZProtocol, ZServerSettings } from '../protocol-access/protocol-access.contract.js';
import { MailSetupErrors } from './mail-setup.errors.js';

export const APPLE_PROFILE_CONTENT_TYPE = 'application/x-apple-aspen-config';
/** The id of the app password made for a profile travels in this response header (the body is the file). */
export const APP_PASSWORD_ID_HEADER = 'x-app-password-id';
/** How long a phone hand-off link stays usable. */
export const HANDOFF_LIFETIME_MS = 10 * 60_000;

/**
 * A device gets one incoming protocol plus SMTP: Apple's mail payload always names an outgoing
 * server, and a phone that cannot send is not what anyone sets up.
 */
export const ZIncomingProtocol = z.enum(['IMAP', 'POP3']).meta({ id: 'IncomingProtocol' });
export type IncomingProtocol = z.infer<typeof ZIncomingProtocol>;

export const ZDeviceSetupRequest = z
  .strictObject({ deviceName: ZAppPasswordName, incoming: ZIncomingProtocol })
  .meta({ id: 'DeviceSetupRequest' });
export type DeviceSetupRequest = z.input<typeof ZDeviceSetupRequest>;

export const ZCreateHandoffResponse = z
  .object({
    /** Goes into the QR code's link, after `#`, so it never reaches a server log or a Referer. */
    token: z.string(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'CreateHandoffResponse' });
export type CreateHandoffResponse = z.infer<typeof ZCreateHandoffResponse>;

export const ZRedeemHandoffRequest = z
  .strictObject({
    token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, { message: 'Not a setup link.' }),
    /** `profile`: the Apple configuration profile; `settings`: the password and settings to type in. */
    as: z.enum(['profile', 'settings']),
  })
  .meta({ id: 'RedeemHandoffRequest' });
export type RedeemHandoffRequest = z.input<typeof ZRedeemHandoffRequest>;

export const ZDeviceSettingsResponse = z
  .object({ appPassword: ZAppPassword, secret: z.string(), serverSettings: z.array(ZServerSettings) })
  .meta({ id: 'DeviceSettingsResponse' });
export type DeviceSettingsResponse = z.infer<typeof ZDeviceSettingsResponse>;

export const ZFirstLoginAttempt = z
  .object({
    time: z.iso.datetime(),
    protocol: ZProtocol.nullable(),
    clientIp: z.string().nullable(),
    secured: z.boolean(),
    reasonCode: ZMailAuthReason,
    /** `password` when the account password was used instead of the app password. */
    credential: z.enum(['app-password', 'password']),
  })
  .meta({ id: 'FirstLoginAttempt' });
export type FirstLoginAttempt = z.infer<typeof ZFirstLoginAttempt>;

export const ZFirstLoginResponse = z
  .object({
    /** `connected` once a login with this app password was allowed; `refused` while only refusals came. */
    status: z.enum(['waiting', 'connected', 'refused']),
    attempt: ZFirstLoginAttempt.nullable(),
  })
  .meta({ id: 'FirstLoginResponse' });
export type FirstLoginResponse = z.infer<typeof ZFirstLoginResponse>;

export const ZFirstLoginParams = z.strictObject({ id: z.uuid({ message: 'Not a valid id.' }) });

const SESSION_ERRORS = [CommonErrors.UNAUTHENTICATED, SessionErrors.SESSION_EXPIRED] as const;
const CHANGE_ERRORS = [...SESSION_ERRORS, CommonErrors.CSRF_CHECK_FAILED] as const;

export const mailSetupOperations = {
  createProfile: defineOperation(routes.mailSetup.createProfile, {
    tag: 'Mail setup',
    summary: 'Create an app password for a device and download it inside an Apple configuration profile.',
    description:
      'Needs a recent step-up. The profile (signed when the operator configured a certificate) is made for this answer only and never stored; the new app password id is in the X-App-Password-Id header.',
    auth: 'session',
    body: ZDeviceSetupRequest,
    responses: { 201: z.string().meta({ description: `${APPLE_PROFILE_CONTENT_TYPE} file.` }) },
    errors: [
      CommonErrors.VALIDATION_FAILED,
      ...CHANGE_ERRORS,
      SessionErrors.STEP_UP_REQUIRED,
      AppPasswordsErrors.APP_PASSWORD_LIMIT_REACHED,
    ],
  }),
  createHandoff: defineOperation(routes.mailSetup.createHandoff, {
    tag: 'Mail setup',
    summary: 'Create a single-use, 10-minute link that finishes the setup on a phone (shown as a QR code).',
    description: 'Needs a recent step-up. The phone must sign in to the same account to use the link.',
    auth: 'session',
    body: ZDeviceSetupRequest,
    responses: { 201: ZCreateHandoffResponse },
    errors: [CommonErrors.VALIDATION_FAILED, ...CHANGE_ERRORS, SessionErrors.STEP_UP_REQUIRED],
  }),
  redeemHandoff: defineOperation(routes.mailSetup.redeemHandoff, {
    tag: 'Mail setup',
    summary:
      "Use a hand-off link on the phone: creates the device's app password and returns the profile or the settings.",
    description:
      'Only a session of the account that made the link; once; within 10 minutes. Anything else is HANDOFF_INVALID.',
    auth: 'session',
    body: ZRedeemHandoffRequest,
    responses: { 201: ZDeviceSettingsResponse },
    errors: [
      CommonErrors.VALIDATION_FAILED,
      ...CHANGE_ERRORS,
      MailSetupErrors.HANDOFF_INVALID,
      AppPasswordsErrors.APP_PASSWORD_LIMIT_REACHED,
    ],
  }),
  firstLogin: defineOperation(routes.mailSetup.firstLogin, {
    tag: 'Mail setup',
    summary: 'Whether a mail program has logged in with this app password yet, or why it was refused.',
    auth: 'session',
    params: ZFirstLoginParams,
    responses: { 200: ZFirstLoginResponse },
    errors: [CommonErrors.VALIDATION_FAILED, CommonErrors.NOT_FOUND, ...SESSION_ERRORS],
  }),
};
