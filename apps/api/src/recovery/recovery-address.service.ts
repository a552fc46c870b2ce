import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { RecoveryErrors, type RecoveryAddressView } from '@mailgate/contracts';
import { AuditService } from '../audit/audit.service.js';
import type { AuthenticatedSession } from '../auth/session.types.js';
import { SecretKeyring } from '../infrastructure/common/crypto/secret-keyring.js';
import { lockUserRow } from '../account-events/security-change.service.js';
import { AppError } from '../infrastructure/common/http/app-error.js';
import type { RequestMeta } from '../infrastructure/common/http/request-meta.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import type { Prisma } from '../generated/prisma/client.js';
import { MailOutboxService } from '../mail/mail-outbox.service.js';
import { fill, maskAddress, renderMail } from '../mail/mail-render.js';
import { LINK_MAIL_TEXTS, mailLanguage } from '../mail/security-mail.texts.js';
import { SecurityNoticesService } from '../notices/security-notices.service.js';
import { ResetLinkIssuer } from './reset-link-issuer.js';

/** A confirmation link works once, for one day. */
export const RECOVERY_CONFIRM_VALIDITY_MS = 24 * 60 * 60_000;
export const RECOVERY_CONFIRM_PAGE_PATH = '/confirm-recovery-address';

type RecoveryRow = Prisma.RecoveryAddressGetPayload<object> | null;

function toView(row: RecoveryRow, now: Date): RecoveryAddressView {
  const pendingValid = row?.pendingEmail && row.pendingExpiresAt && row.pendingExpiresAt > now;
  return {
    address: row?.email ?? null,
    confirmedAt: row?.confirmedAt?.toISOString() ?? null,
    pending: pendingValid ? { address: row.pendingEmail!, expiresAt: row.pendingExpiresAt!.toISOString() } : null,
  };
}

/**
 * The user's one external recovery address. A new address counts only after its one-time link
 * (24 h, keyed hash at rest, a newer request voids it) was opened; until then the confirmed one
 * stays. Adding, changing and removing need a step-up (the controller), are audited, and create a
 * notice that security-mail.rules.ts mails to the mailbox and the confirmed (old) address.
 */
@Injectable()
export class RecoveryAddressService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly keyring: SecretKeyring,
    private readonly audit: AuditService,
    private readonly notices: SecurityNoticesService,
    private readonly outbox: MailOutboxService,
    private readonly links: ResetLinkIssuer,
  ) {}

  async get(userId: string, now = new Date()): Promise<RecoveryAddressView> {
    return toView(await this.prisma.recoveryAddress.findUnique({ where: { userId } }), now);
  }

  async request(session: AuthenticatedSession, email: string, meta: RequestMeta, now = new Date()) {
    if (email === session.email) throw new AppError(RecoveryErrors.RECOVERY_ADDRESS_IS_MAILBOX);
    const token = randomBytes(32).toString('base64url');
    const pendingExpiresAt = new Date(now.getTime() + RECOVERY_CONFIRM_VALIDITY_MS);
    const row = await this.prisma.$transaction(async (tx) => {
      await lockUserRow(tx, session.userId);
      const user = await tx.user.findUniqueOrThrow({
        where: { id: session.userId },
        select: { email: true, locale: true, recoveryAddress: true },
      });
      const current = user.recoveryAddress;
      if (current?.email === email) throw new AppError(RecoveryErrors.RECOVERY_ADDRESS_UNCHANGED);
      const pending = {
        pendingEmail: email,
        pendingTokenHash: this.keyring.hash('recovery-confirm', token),
        pendingExpiresAt,
      };
      const saved = await tx.recoveryAddress.upsert({
        where: { userId: session.userId },
        create: { userId: session.userId, ...pending },
        update: pending,
      });
      await this.audit.record(tx, {
        actor: { userId: session.userId, role: session.role },
        targetUserId: session.userId,
        action: 'recovery_address.change_requested',
        before: { address: current?.email ?? null },
        after: { pendingAddress: email, expiresAt: pendingExpiresAt },
        meta,
      });
      // Only a change of a working address is news worth a notice (and a mail to that address).
      if (current?.email) {
        await this.notices.create(tx, {
          userId: session.userId,
          kind: 'RECOVERY_ADDRESS_CHANGE_REQUESTED',
          params: { newAddress: maskAddress(email) },
        });
      }
      const language = mailLanguage(user.locale);
      const texts = LINK_MAIL_TEXTS[language].RECOVERY_CONFIRM;
      const params = { mailbox: user.email, link: this.links.linkUrl(RECOVERY_CONFIRM_PAGE_PATH, token), hours: 24 };
      await this.outbox.enqueue(tx, {
        userId: session.userId,
        kind: 'RECOVERY_CONFIRM',
        to: email,
        subject: fill(texts.subject, params),
        ...renderMail(
          texts.lines.map((line) => fill(line, params)),
          language,
        ),
        language,
      });
      return saved;
    });
    return toView(row, now);
  }

  /** Public: the token from the link. Unknown, used, expired and replaced tokens are one answer. */
  async confirm(token: string, meta: RequestMeta, now = new Date()): Promise<{ address: string }> {
    return this.prisma.$transaction(async (tx) => {
      const found = await tx.recoveryAddress.findFirst({
        where: { pendingTokenHash: { in: this.keyring.candidateHashes('recovery-confirm', token) } },
        select: { userId: true },
      });
      if (!found) throw new AppError(RecoveryErrors.RECOVERY_LINK_INVALID, { internalDetail: 'unknown token' });
      await lockUserRow(tx, found.userId);
      const row = await tx.recoveryAddress.findUniqueOrThrow({ where: { userId: found.userId } });
      const user = await tx.user.findUniqueOrThrow({ where: { id: found.userId }, select: { role: true } });
      // Re-read under the lock: a newer request or a removal since the lookup voids this token.
      const stillThisToken =
        row.pendingTokenHash && this.keyring.verifyHash('recovery-confirm', token, row.pendingTokenHash);
      if (!stillThisToken || !row.pendingEmail || !row.pendingExpiresAt || row.pendingExpiresAt <= now) {
        throw new AppError(RecoveryErrors.RECOVERY_LINK_INVALID, { internalDetail: 'voided or expired' });
      }
      const address = row.pendingEmail;
      const voided = await voidMailedResetLinks(tx, found.userId, now);
      await tx.recoveryAddress.update({
        where: { userId: found.userId },
        data: { email: address, confirmedAt: now, pendingEmail: null, pendingTokenHash: null, pendingExpiresAt: null },
      });
      await this.audit.record(tx, {
        actor: { userId: found.userId, role: user.role },
        targetUserId: found.userId,
        action: 'recovery_address.confirmed',
        before: { address: row.email, mailedResetLinks: voided },
        after: { address, mailedResetLinks: 0 },
        meta,
      });
      // Mailed to the mailbox and (now) the new address; the old one heard of the request already.
      await this.notices.create(tx, {
        userId: found.userId,
        kind: 'RECOVERY_ADDRESS_CONFIRMED',
        params: { address: maskAddress(address) },
      });
      return { address: maskAddress(address) };
    });
  }

  async remove(session: AuthenticatedSession, meta: RequestMeta, now = new Date()): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await lockUserRow(tx, session.userId);
      const row = await tx.recoveryAddress.findUnique({ where: { userId: session.userId } });
      if (!row || (!row.email && !row.pendingEmail)) throw new AppError(RecoveryErrors.RECOVERY_ADDRESS_NOT_SET);
      // The notice (and its mail) first, while the old address is still the recovery address.
      if (row.email) {
        await this.notices.create(tx, { userId: session.userId, kind: 'RECOVERY_ADDRESS_REMOVED' });
      }
      await tx.recoveryAddress.delete({ where: { userId: session.userId } });
      const voided = await voidMailedResetLinks(tx, session.userId, now);
      await this.audit.record(tx, {
        actor: { userId: session.userId, role: session.role },
        targetUserId: session.userId,
        action: 'recovery_address.removed',
        before: { address: row.email, pendingAddress: row.pendingEmail, mailedResetLinks: voided },
        after: { address: null, mailedResetLinks: 0 },
        meta,
      });
    });
  }
}

/**
 * A user who replaces or removes the recovery address may do so because the old one is no longer
 * theirs: reset links already mailed there must stop working with it.
 */
async function voidMailedResetLinks(tx: Prisma.TransactionClient, userId: string, now: Date): Promise<number> {
  const voided = await tx.passwordResetToken.updateMany({
    where: { userId, usedAt: null, expiresAt: { gt: now }, sentTo: { not: null } },
    data: { expiresAt: now },
  });
  return voided.count;
}
