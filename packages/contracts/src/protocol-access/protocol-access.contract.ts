import { z } from 'zod';
import { CommonErrors } from '../common/error-codes.js';
import { defineOperation } from '../common/operation.js';
import { routes } from '../routes.js';
import { SessionErrors } from '../auth/session-errors.js';
import { ProtocolAccessErrors } from './protocol-access.errors.js';
import { ACCESS_DURATIONS, KEEP_CURRENT_LIMIT, PROTOCOLS } from '../values.js';

export { ACCESS_DURATIONS, KEEP_CURRENT_LIMIT, PROTOCOLS };

export const ZProtocol = z.enum(PROTOCOLS).meta({ id: 'Protocol' });
export type Protocol = z.infer<typeof ZProtocol>;

/** The path parameter accepts any case (`imap`, `IMAP`) and yields the canonical upper-case name. */
export const ZProtocolPathParam = z
  .string()
  // Spelled out rather than with the `i` flag so the OpenAPI pattern says the same thing.
  .regex(/^(?:[iI][mM][aA][pP]|[pP][oO][pP]3|[sS][mM][tT][pP])$/, { message: 'Must be imap, pop3 or smtp.' })
  .meta({ description: 'imap, pop3 or smtp, in any case.' })
  .transform((value) => value.toUpperCase() as Protocol);

export const ZServerSettings = z
  .object({
    protocol: ZProtocol,
    host: z.string(),
    port: z.number().int(),
    encryption: z.enum(['SSL/TLS', 'STARTTLS']),
    /** What to type as the user name in the mail program: the account's e-mail address. */
    username: z.string(),
  })
  .meta({ id: 'ServerSettings' });
export type ServerSettings = z.infer<typeof ZServerSettings>;

/** One protocol's access state, as the services and mail-auth see it. Times are ISO 8601 strings. */
export const ZProtocolAccess = z
  .object({
    protocol: ZProtocol,
    /** What the user (or support) chose. */
    enabled: z.boolean(),
    /** Whether it is on right now: enabled and not past `enabledUntil`. Evaluated at read time. */
    effectiveEnabled: z.boolean(),
    enabledAt: z.iso.datetime().nullable(),
    /** Null means "on until turned off". */
    enabledUntil: z.iso.datetime().nullable(),
    /** POP3 only (null for IMAP and SMTP): messages a client deletes stay on the server. */
    pop3KeepCopy: z.boolean().nullable(),
    /** True when the user never changed this protocol and the global default applies. */
    isDefault: z.boolean(),
  })
  .meta({ id: 'ProtocolAccess' });
export type ProtocolAccessView = z.infer<typeof ZProtocolAccess>;

export const ZProtocolAccessItem = ZProtocolAccess.extend({ serverSettings: ZServerSettings }).meta({
  id: 'ProtocolAccessItem',
});
export type ProtocolAccessItem = z.infer<typeof ZProtocolAccessItem>;

export const ZListProtocolAccessResponse = z
  .object({
    protocols: z.array(ZProtocolAccessItem),
    /**
     * Whether the account password works in mail programs. False while 2FA is on, or when the
     * administrator requires app passwords for everyone; the SPA then explains that an app
     * password is needed.
     */
    mainPasswordUsable: z.boolean(),
    mainPasswordBlockedBy: z.enum(['TOTP_ENABLED', 'ADMIN_SETTING']).nullable(),
  })
  .meta({ id: 'ListProtocolAccessResponse' });
export type ListProtocolAccessResponse = z.infer<typeof ZListProtocolAccessResponse>;

export const ZAccessDuration = z.enum(ACCESS_DURATIONS);
export type AccessDuration = z.infer<typeof ZAccessDuration>;

export const ZSetProtocolAccessParams = z.strictObject({ protocol: ZProtocolPathParam });

export const ZSetProtocolAccessRequest = z
  .strictObject({
    enabled: z.boolean(),
    /**
     * How long access stays on, counted from now; ignored when turning off. `keep` leaves the time
     * limit in force as it is (for a change of another option only); it needs the protocol to be
     * on (NO_LIMIT_TO_KEEP otherwise). Omitted: `unlimited`.
     */
    duration: z
      .enum([...ACCESS_DURATIONS, KEEP_CURRENT_LIMIT])
      .default('unlimited')
      .meta({ description: 'unlimited, 1d, 7d or 30d from now; or keep: the current limit stays.' }),
    /** POP3 only. When omitted, turning POP3 on keeps the previous choice (default: keep a copy). */
    pop3KeepCopy: z.boolean().optional(),
  })
  .meta({ id: 'SetProtocolAccessRequest' });
export type SetProtocolAccessRequest = z.input<typeof ZSetProtocolAccessRequest>;

export const protocolAccessOperations = {
  list: defineOperation(routes.protocolAccess.list, {
    tag: 'Protocol access',
    summary: "The signed-in user's IMAP, POP3 and SMTP access, with the server settings for mail programs.",
    auth: 'session',
    responses: { 200: ZListProtocolAccessResponse },
    errors: [CommonErrors.UNAUTHENTICATED, SessionErrors.SESSION_EXPIRED],
  }),
  set: defineOperation(routes.protocolAccess.set, {
    tag: 'Protocol access',
    summary: 'Turn a protocol on (optionally for a limited time) or off.',
    description:
      'Turning a protocol on needs a recent step-up (password, or a 2FA code when 2FA is on). Turning it off ' +
      'never does, so a user can always close a door quickly.',
    auth: 'session',
    params: ZSetProtocolAccessParams,
    body: ZSetProtocolAccessRequest,
    responses: { 200: ZProtocolAccessItem },
    errors: [
      CommonErrors.VALIDATION_FAILED,
      CommonErrors.UNAUTHENTICATED,
      CommonErrors.CSRF_CHECK_FAILED,
      SessionErrors.SESSION_EXPIRED,
      SessionErrors.STEP_UP_REQUIRED,
      ProtocolAccessErrors.POP3_KEEP_COPY_ONLY_FOR_POP3,
      ProtocolAccessErrors.NO_LIMIT_TO_KEEP,
    ],
  }),
};
