import { isIP } from 'node:net';
import {
  hasControlCharacters,
  MAIL_AUTH_MAX_FIELD_BYTES,
  MAIL_PROTOCOLS,
  MailAuthErrors,
  ZMailAuthRequest,
  type MailAuthRequest,
} from '@mailgate/contracts';
import type { ValidationIssue } from '../infrastructure/common/http/app-error.js';

type MailAuthErrorDefinition = (typeof MailAuthErrors)[keyof typeof MailAuthErrors];

export type ParsedMailAuthRequest =
  | { readonly ok: true; readonly request: MailAuthRequest }
  | {
      readonly ok: false;
      readonly error: MailAuthErrorDefinition;
      readonly issues?: ValidationIssue[];
      /** The username, when it is sane enough to record the refused attempt against. */
      readonly identifiableLogin: string | null;
    };

/**
 * Checks a decision request in an order that gives the mail server the most useful code:
 * oversized and forbidden characters first (they must never reach argon2id or the database),
 * then the protocol and client address, then the whole contract (missing or unknown fields).
 * Invalid UTF-8 never gets here: the JSON parser refuses it with INVALID_ENCODING.
 */
export function parseMailAuthRequest(body: unknown): ParsedMailAuthRequest {
  const record =
    typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const { username, password, protocol, clientIp } = record;
  const fail = (error: MailAuthErrorDefinition, issues?: ValidationIssue[]): ParsedMailAuthRequest => ({
    ok: false,
    error,
    ...(issues ? { issues } : {}),
    identifiableLogin: identifiable(username),
  });

  for (const [name, value] of [
    ['username', username],
    ['password', password],
  ] as const) {
    if (typeof value !== 'string') continue;
    if (Buffer.byteLength(value, 'utf8') > MAIL_AUTH_MAX_FIELD_BYTES) {
      return fail(MailAuthErrors.MAIL_AUTH_FIELD_TOO_LONG, [issue(name, 'Longer than 1024 bytes.', 'too_big')]);
    }
    // Passwords may hold any character but NUL; a username no control character at all.
    const forbidden = name === 'username' ? hasControlCharacters(value) : value.includes('\u0000');
    if (forbidden || !value.isWellFormed()) {
      return fail(MailAuthErrors.MAIL_AUTH_FORBIDDEN_CHARACTERS, [
        issue(name, 'Contains forbidden characters.', 'invalid_string'),
      ]);
    }
  }
  if (typeof protocol === 'string' && !(MAIL_PROTOCOLS as readonly string[]).includes(protocol)) {
    return fail(MailAuthErrors.MAIL_AUTH_UNKNOWN_PROTOCOL, [
      issue('protocol', 'Must be imap, pop3 or smtp.', 'invalid_value'),
    ]);
  }
  if (clientIp !== undefined && (typeof clientIp !== 'string' || isIP(clientIp) === 0)) {
    return fail(MailAuthErrors.MAIL_AUTH_INVALID_CLIENT_IP, [
      issue('clientIp', 'Not an IP address.', 'invalid_format'),
    ]);
  }
  const result = ZMailAuthRequest.safeParse(body);
  if (!result.success) {
    return fail(
      MailAuthErrors.MAIL_AUTH_INVALID_REQUEST,
      result.error.issues.map((zodIssue) =>
        issue(zodIssue.path.map(String).join('.'), zodIssue.message, zodIssue.code),
      ),
    );
  }
  return { ok: true, request: result.data };
}

function issue(path: string, message: string, code: string): ValidationIssue {
  return { path, message, code };
}

function identifiable(username: unknown): string | null {
  if (typeof username !== 'string' || username.length === 0) return null;
  if (Buffer.byteLength(username, 'utf8') > MAIL_AUTH_MAX_FIELD_BYTES) return null;
  return username;
}
