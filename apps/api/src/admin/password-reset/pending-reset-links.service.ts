import { Injectable } from '@nestjs/common';
import { CommonErrors, type PendingPasswordResetLink } from '@mailgate/contracts';
import { actorKindOf } from '../../activity/activity.service.js';
import { AuditService } from '../../audit/audit.service.js';
import type { AuthenticatedSession } from '../../auth/session.types.js';
import { AppError } from '../../infrastructure/common/http/app-error.js';
import type { RequestMeta } from '../../infrastructure/common/http/request-meta.js';
import { PrismaService } from '../../infrastructure/database/prisma.service.js';
import { SecurityNoticesService } from '../../notices/security-notices.service.js';
import { RESET_ISSUER_FIELDS, RESET_TARGET_FIELDS, resetLinkVoidReason } from './reset-link-validity.js';

/**
 * The account owner's side of staff-issued password-reset links: see which ones could still set
 * the password, and cancel them. Always scoped to the session's user; another user's link id is
 * NOT_FOUND, like a missing one.
 */
@Injectable()
export class PendingResetLinksService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly notices: SecurityNoticesService,
  ) {}

  /** Only links that would be accepted now (the same rule as redemption), newest first. */
  async list(userId: string, now = new Date()): Promise<PendingPasswordResetLink[]> {
    const target = await this.prisma.user.findUniqueOrThrow({ where: { id: userId }, select: RESET_TARGET_FIELDS });
    const links = await this.prisma.passwordResetToken.findMany({
      where: { userId, usedAt: null, expiresAt: { gt: now } },
      include: { issuedBy: { select: RESET_ISSUER_FIELDS } },
      orderBy: { createdAt: 'desc' },
    });
    return links
      .filter((link) => resetLinkVoidReason(link, target, link.issuedBy, now) === null)
      .map((link) => ({
        id: link.id,
        // A link the user asked for on the sign-in page is theirs; staff links show as "support".
        issuedBy: link.origin === 'SELF' ? 'you' : actorKindOf(link.issuedById, link.issuedBy?.role ?? 'USER', userId),
        reason: link.reason,
        createdAt: link.createdAt.toISOString(),
        expiresAt: link.expiresAt.toISOString(),
      }));
  }

  /** Voids one unused link at once; audited, with a notice. */
  async cancel(session: AuthenticatedSession, linkId: string, meta: RequestMeta, now = new Date()): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const link = await tx.passwordResetToken.findFirst({
        where: { id: linkId, userId: session.userId, usedAt: null, expiresAt: { gt: now } },
        select: { id: true, expiresAt: true },
      });
      // Conditional: a redemption or another cancel that got there first leaves nothing to cancel.
      const cancelled = link
        ? await tx.passwordResetToken.updateMany({
            where: { id: link.id, usedAt: null, expiresAt: { gt: now } },
            data: { expiresAt: now },
          })
        : { count: 0 };
      if (!link || cancelled.count === 0) throw new AppError(CommonErrors.NOT_FOUND);
      await this.audit.record(tx, {
        actor: { userId: session.userId, role: session.role },
        targetUserId: session.userId,
        action: 'password_reset.link_cancelled',
        before: { linkId: link.id, expiresAt: link.expiresAt },
        after: { linkId: link.id, expiresAt: now },
        meta,
      });
      await this.notices.create(tx, { userId: session.userId, kind: 'PASSWORD_RESET_LINK_CANCELLED', byStaff: false });
    });
  }
}
