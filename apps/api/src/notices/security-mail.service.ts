import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client.js';
import { MailOutboxService } from '../mail/mail-outbox.service.js';
import { fill, renderMail } from '../mail/mail-render.js';
import { MAIL_FRAME, mailLanguage, NOTICE_MAIL_SENTENCES } from '../mail/security-mail.texts.js';
import type { SecurityNoticeInput } from './security-notices.service.js';

/**
 * Security notices by e-mail: to the mailbox itself and to the confirmed recovery address, in the
 * user's language, plain text and HTML. Never a secret and never a link: the user is told to open
 * the portal themselves, so a phishing copy of this mail has nothing to imitate.
 */
@Injectable()
export class SecurityMailService {
  constructor(private readonly outbox: MailOutboxService) {}

  async enqueue(tx: Prisma.TransactionClient, notice: SecurityNoticeInput): Promise<void> {
    const user = await tx.user.findUnique({
      where: { id: notice.userId },
      select: { email: true, locale: true, recoveryAddress: { select: { email: true } } },
    });
    if (!user) return;
    const language = mailLanguage(user.locale);
    const frame = MAIL_FRAME[language];
    const sentence = fill(NOTICE_MAIL_SENTENCES[language][notice.kind], notice.params ?? {});
    const paragraphs = [
      frame.greeting,
      `${sentence}.`,
      ...(notice.byStaff ? [fill(frame.byStaff, { reason: notice.reason ?? '—' })] : []),
      frame.ifYou,
      frame.ifNotYou,
      frame.noLinks,
      fill(frame.recipients, { mailbox: user.email }),
    ];
    const { text, html } = renderMail(paragraphs, language);
    const recipients = new Set([user.email, ...(user.recoveryAddress?.email ? [user.recoveryAddress.email] : [])]);
    for (const to of recipients) {
      await this.outbox.enqueue(tx, {
        userId: notice.userId,
        kind: notice.kind,
        to,
        subject: `${frame.subjectPrefix}: ${sentence}`,
        text,
        html,
        language,
      });
    }
  }
}
