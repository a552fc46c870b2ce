import { defineErrorCodes } from '../common/error-codes.js';

/**
 * Codes of the mail servers' API. A refused login is not an error (it is `200 { decision: 'deny' }`);
 * these are for requests the API cannot answer as asked. The mail server treats every one of them
 * as a failed login, never as an allow.
 */
export const MailAuthErrors = defineErrorCodes({
  // Thrown when the body does not match the contract: a field missing, of the wrong type, or unknown.
  MAIL_AUTH_INVALID_REQUEST: { status: 400, message: 'The login request does not match the contract.' },
  // Thrown when `protocol` is not one of imap, pop3, smtp.
  MAIL_AUTH_UNKNOWN_PROTOCOL: { status: 400, message: 'The protocol must be imap, pop3 or smtp.' },
  // Thrown when the username or password is longer than 1024 bytes (UTF-8).
  MAIL_AUTH_FIELD_TOO_LONG: { status: 400, message: 'The username or password is too long.' },
  // Thrown when the username or password contains a NUL byte (or the username any control character).
  MAIL_AUTH_FORBIDDEN_CHARACTERS: { status: 400, message: 'The username or password contains forbidden characters.' },
  // Thrown when `clientIp` is not an IPv4 or IPv6 address.
  MAIL_AUTH_INVALID_CLIENT_IP: { status: 400, message: 'The client IP address is not valid.' },
  // Thrown by the userdb lookup when no account has this address.
  MAIL_USER_UNKNOWN: { status: 404, message: 'No account has this address.' },
});

export type MailAuthErrorCode = keyof typeof MailAuthErrors;
