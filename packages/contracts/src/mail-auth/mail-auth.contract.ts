import { z } from 'zod';
import { defineOperation } from '../common/operation.js';
import { routes } from '../routes.js';
import { CommonErrors } from '../common/error-codes.js';
import { zSafeText } from '../common/strings.js';
import { ZMailAuthReason } from './deny-reasons.js';
import { MailAuthErrors } from './mail-auth.errors.js';

/** The most a username or password may take, in UTF-8 bytes (a guard against hashing abuse). */
export const MAIL_AUTH_MAX_FIELD_BYTES = 1024;

export const MAIL_PROTOCOLS = ['imap', 'pop3', 'smtp'] as const;
export const ZMailProtocol = z.enum(MAIL_PROTOCOLS).meta({ id: 'MailProtocol' });
export type MailProtocol = z.infer<typeof ZMailProtocol>;

export const ZMailAuthRequest = z
  .strictObject({
    username: z.string().min(1).meta({ description: 'The login as the mail client sent it (≤ 1024 bytes UTF-8).' }),
    password: z
      .string()
      .min(1)
      .meta({ description: 'The main password or an app password, as typed (≤ 1024 bytes, no NUL).' }),
    protocol: ZMailProtocol,
    clientIp: z.union([z.ipv4(), z.ipv6()]).meta({ description: "The mail client's address (Dovecot's %{rip})." }),
    secured: z.boolean().meta({
      description:
        'True only when the login was protected by TLS. The shipped Dovecot Lua script derives it from ' +
        "Dovecot's `secured` field (see docs/mail-servers.md).",
    }),
    localPort: z.int().min(0).max(65535).optional(),
    sessionId: zSafeText(256).optional().meta({ description: "The mail server's session id, for correlating logs." }),
  })
  .meta({ id: 'MailAuthRequest' });
export type MailAuthRequest = z.infer<typeof ZMailAuthRequest>;

/**
 * Per-user fields for Dovecot's userdb, flat strings named as Dovecot names them, so the Lua
 * script can hand them over without interpreting them. Which ones are present depends on the
 * server configuration (MAIL_USERDB_*) and on the user's settings.
 */
export const ZMailUserdbFields = z
  .object({
    home: z.string().optional(),
    mail: z.string().optional(),
    uid: z.string().optional(),
    gid: z.string().optional(),
    pop3_deleted_flag: z
      .string()
      .optional()
      .meta({ description: 'Present when POP3 "keep a copy on the server" is on: DELE hides instead of expunging.' }),
  })
  .meta({ id: 'MailUserdbFields' });
export type MailUserdbFields = z.infer<typeof ZMailUserdbFields>;

export const ZMailAuthAllow = z
  .object({
    decision: z.literal('allow'),
    user: z.string().meta({ description: 'The canonical (normalised) e-mail address to log in as.' }),
    credential: z.enum(['password', 'app-password']),
    userdb: ZMailUserdbFields,
  })
  .meta({ id: 'MailAuthAllow' });

export const ZMailAuthDeny = z
  .object({
    decision: z.literal('deny'),
    reason: ZMailAuthReason.meta({ description: "For the mail server's log only; never show it to the client." }),
  })
  .meta({ id: 'MailAuthDeny' });

export const ZMailAuthResponse = z.discriminatedUnion('decision', [ZMailAuthAllow, ZMailAuthDeny]).meta({
  id: 'MailAuthResponse',
});
export type MailAuthResponse = z.infer<typeof ZMailAuthResponse>;

export const ZMailAuthTempfail = z.object({ decision: z.literal('tempfail') }).meta({ id: 'MailAuthTempfail' });
export type MailAuthTempfail = z.infer<typeof ZMailAuthTempfail>;

/** A login as a mail server passes it in a path (validated loosely: an unknown login is a 404/deny, not a 400). */
const ZMailLoginParam = zSafeText(MAIL_AUTH_MAX_FIELD_BYTES).pipe(z.string().min(1));

export const ZMailProtocolLookupParams = z.strictObject({ email: ZMailLoginParam, protocol: ZMailProtocol });
export const ZMailProtocolLookupResponse = z
  .object({
    user: z.string(),
    protocol: ZMailProtocol,
    allowed: z.boolean(),
    reason: ZMailAuthReason.meta({
      description: 'OK, USER_UNKNOWN, ACCOUNT_DISABLED, PROTOCOL_DISABLED, PROTOCOL_EXPIRED or LOCKED_ACCOUNT.',
    }),
  })
  .meta({ id: 'MailProtocolLookupResponse' });
export type MailProtocolLookupResponse = z.infer<typeof ZMailProtocolLookupResponse>;

export const ZMailUserLookupParams = z.strictObject({ email: ZMailLoginParam });
export const ZMailUserLookupResponse = z
  .object({ user: z.string(), userdb: ZMailUserdbFields })
  .meta({ id: 'MailUserLookupResponse' });
export type MailUserLookupResponse = z.infer<typeof ZMailUserLookupResponse>;

const serviceTokenErrors = [CommonErrors.UNAUTHENTICATED] as const;

export const mailAuthOperations = {
  decide: defineOperation(routes.mailAuth.decide, {
    tag: 'Mail servers',
    summary: 'Decide whether a mail login (IMAP, POP3, SMTP AUTH) may proceed.',
    description:
      'Called by Dovecot on every login. `200 allow` carries the canonical user and userdb fields; `200 deny` ' +
      "carries a reason code for the mail server's log (the client must only see a generic failure); `503 " +
      'tempfail` means Mailgate could not decide: the mail server must answer with a temporary failure, never allow.',
    auth: 'service-token',
    body: ZMailAuthRequest,
    responses: { 200: ZMailAuthResponse, 503: ZMailAuthTempfail },
    errors: [
      ...serviceTokenErrors,
      MailAuthErrors.MAIL_AUTH_INVALID_REQUEST,
      MailAuthErrors.MAIL_AUTH_UNKNOWN_PROTOCOL,
      MailAuthErrors.MAIL_AUTH_FIELD_TOO_LONG,
      MailAuthErrors.MAIL_AUTH_FORBIDDEN_CHARACTERS,
      MailAuthErrors.MAIL_AUTH_INVALID_CLIENT_IP,
      CommonErrors.MALFORMED_JSON,
      CommonErrors.INVALID_ENCODING,
      CommonErrors.PAYLOAD_TOO_LARGE,
    ],
  }),
  protocolLookup: defineOperation(routes.mailAuth.protocolLookup, {
    tag: 'Mail servers',
    summary: 'Whether a user may use a protocol at all (no credential check, no client address).',
    auth: 'service-token',
    params: ZMailProtocolLookupParams,
    responses: { 200: ZMailProtocolLookupResponse, 503: ZMailAuthTempfail },
    errors: [...serviceTokenErrors, MailAuthErrors.MAIL_AUTH_UNKNOWN_PROTOCOL],
  }),
  userLookup: defineOperation(routes.mailAuth.userLookup, {
    tag: 'Mail servers',
    summary:
      "Userdb lookup: the user's canonical address and Dovecot userdb fields (LMTP delivery, per-user settings).",
    auth: 'service-token',
    params: ZMailUserLookupParams,
    responses: { 200: ZMailUserLookupResponse, 503: ZMailAuthTempfail },
    errors: [...serviceTokenErrors, MailAuthErrors.MAIL_USER_UNKNOWN],
  }),
};
