import type { MailProtocol } from '@mailgate/contracts';
import type { Protocol } from '../generated/prisma/enums.js';

const TO_PROTOCOL: Record<MailProtocol, Protocol> = { imap: 'IMAP', pop3: 'POP3', smtp: 'SMTP' };

/** The mail servers name protocols in lower case; the database and the rules in upper case. */
export function toProtocol(mailProtocol: MailProtocol): Protocol {
  return TO_PROTOCOL[mailProtocol];
}

/**
 * The same for a value that may be anything (an invalid request's body): undefined if unknown.
 * Own keys only: "constructor" or "toString" must not yield Object's functions for the record.
 */
export function protocolIfKnown(value: unknown): Protocol | undefined {
  return typeof value === 'string' && Object.hasOwn(TO_PROTOCOL, value)
    ? TO_PROTOCOL[value as MailProtocol]
    : undefined;
}
