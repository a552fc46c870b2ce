import { Injectable } from '@nestjs/common';
import { SecretKeyring } from '../infrastructure/common/crypto/secret-keyring.js';
import type { Prisma } from '../generated/prisma/client.js';

export interface MailToEnqueue {
  readonly userId: string | null;
  /** What the mail is, for staff lists and tests: a notice kind, RECOVERY_CONFIRM, PASSWORD_RESET_LINK… */
  readonly kind: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly language: string;
}

/**
 * The write side of the transactional outbox: a mail is one row, written in the caller's
 * transaction, so a change and the mail that reports it commit (or roll back) together and a
 * relay that is down never loses or blocks either. Bodies can hold a one-time link, so they are
 * encrypted at rest and erased once sent.
 */
@Injectable()
export class MailOutboxService {
  constructor(private readonly keyring: SecretKeyring) {}

  async enqueue(tx: Prisma.TransactionClient, mail: MailToEnqueue): Promise<void> {
    await tx.outboxMail.create({
      data: {
        userId: mail.userId,
        kind: mail.kind,
        toAddress: mail.to,
        subject: mail.subject,
        // The language travels with the body (Content-Language), encrypted like it.
        textBody: this.keyring.encrypt('outbox-mail', JSON.stringify({ text: mail.text, language: mail.language })),
        htmlBody: this.keyring.encrypt('outbox-mail', mail.html),
      },
    });
  }

  open(row: { textBody: string; htmlBody: string }): { text: string; html: string; language: string } {
    const { text, language } = JSON.parse(this.keyring.decrypt('outbox-mail', row.textBody)) as {
      text: string;
      language: string;
    };
    return { text, language, html: this.keyring.decrypt('outbox-mail', row.htmlBody) };
  }
}
