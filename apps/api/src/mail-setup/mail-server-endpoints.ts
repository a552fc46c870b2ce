import type { Protocol } from '@mailgate/contracts';
import type { AppConfig } from '../infrastructure/config/config.js';

/** One server a mail program connects to. Only TLS: implicit (SSL/TLS) or upgraded (STARTTLS). */
export interface MailServerEndpoint {
  readonly protocol: Protocol;
  readonly host: string;
  readonly port: number;
  readonly security: 'SSL/TLS' | 'STARTTLS';
}

/** The MAIL_* settings as endpoints, in the order mail programs should prefer them (IMAP first). */
export function mailServerEndpoints(config: AppConfig): Record<Protocol, MailServerEndpoint> {
  return {
    IMAP: {
      protocol: 'IMAP',
      host: config.MAIL_IMAP_HOST,
      port: config.MAIL_IMAP_PORT,
      security: config.MAIL_IMAP_SECURITY,
    },
    POP3: {
      protocol: 'POP3',
      host: config.MAIL_POP3_HOST,
      port: config.MAIL_POP3_PORT,
      security: config.MAIL_POP3_SECURITY,
    },
    SMTP: {
      protocol: 'SMTP',
      host: config.MAIL_SMTP_HOST,
      port: config.MAIL_SMTP_PORT,
      security: config.MAIL_SMTP_SECURITY,
    },
  };
}

/**
 * The domain of an address, lower-cased, or null when it is not address-shaped. Nothing is looked
 * up: whether the mailbox exists is never part of an autoconfiguration answer.
 */
export function domainOfAddress(address: string): string | null {
  const trimmed = address.trim();
  if (trimmed.length > 254) return null;
  const at = trimmed.lastIndexOf('@');
  if (at < 1 || at === trimmed.length - 1) return null;
  const domain = trimmed.slice(at + 1).toLowerCase();
  return /^[a-z0-9.-]+$/.test(domain) ? domain : null;
}
