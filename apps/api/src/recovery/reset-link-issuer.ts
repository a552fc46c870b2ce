import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../infrastructure/config/config.js';
import { SecretKeyring } from '../infrastructure/common/crypto/secret-keyring.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { Role } from '../generated/prisma/enums.js';
import { MailOutboxService } from '../mail/mail-outbox.service.js';
import { fill, renderMail } from '../mail/mail-render.js';
import { LINK_MAIL_TEXTS, mailLanguage } from '../mail/security-mail.texts.js';

/** A link is valid this long, and only once. */
export const RESET_LINK_VALIDITY_MS = 60 * 60_000;
/** Where the SPA's redemption page lives; the token rides in the fragment, so it never reaches logs. */
export const RESET_PAGE_PATH = '/reset-password';

export interface ResetLinkTarget {
  readonly id: string;
  readonly email: string;
  readonly locale: string;
  readonly role: Role;
  readonly securityVersion: number;
}

export interface IssuedResetLink {
  readonly linkId: string;
  readonly token: string;
  readonly url: string;
  readonly expiresAt: Date;
}

/**
 * The one way a password-reset link comes into being, for the user's "forgot password" and for
 * staff alike: 256 random bits, stored only as a keyed hash, bound to the account's
 * securityVersion and role, voiding the account's earlier unused links. With `sendTo`, the link
 * is mailed there through the outbox in the caller's transaction and never returned to a caller
 * who should not see it (the services decide; see docs/security.md).
 */
@Injectable()
export class ResetLinkIssuer {
  constructor(
    private readonly keyring: SecretKeyring,
    private readonly outbox: MailOutboxService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'PUBLIC_URL'>,
  ) {}

  async issue(
    tx: Prisma.TransactionClient,
    input: {
      target: ResetLinkTarget;
      origin: 'SELF' | 'STAFF';
      issuedById: string | null;
      reason: string | null;
      sendTo: string | null;
      now: Date;
    },
  ): Promise<IssuedResetLink & { voided: number }> {
    const { target, now } = input;
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + RESET_LINK_VALIDITY_MS);
    const voided = await tx.passwordResetToken.updateMany({
      where: { userId: target.id, usedAt: null, expiresAt: { gt: now } },
      data: { expiresAt: now },
    });
    const created = await tx.passwordResetToken.create({
      data: {
        userId: target.id,
        tokenHash: this.keyring.hash('reset-token', token),
        issuedById: input.issuedById,
        reason: input.reason,
        targetSecurityVersion: target.securityVersion,
        targetRole: target.role,
        origin: input.origin,
        sentTo: input.sendTo,
        createdAt: now,
        expiresAt,
      },
    });
    const url = this.linkUrl(RESET_PAGE_PATH, token);
    if (input.sendTo) {
      const language = mailLanguage(target.locale);
      const texts = LINK_MAIL_TEXTS[language].PASSWORD_RESET_LINK;
      const params = { mailbox: target.email, link: url, hours: 1 };
      await this.outbox.enqueue(tx, {
        userId: target.id,
        kind: 'PASSWORD_RESET_LINK',
        to: input.sendTo,
        subject: fill(texts.subject, params),
        ...renderMail(
          texts.lines.map((line) => fill(line, params)),
          language,
        ),
        language,
      });
    }
    return { linkId: created.id, token, url, expiresAt, voided: voided.count };
  }

  linkUrl(path: string, token: string): string {
    const base = this.config.PUBLIC_URL?.replace(/\/+$/, '') ?? '';
    return `${base}${path}#token=${token}`;
  }
}
