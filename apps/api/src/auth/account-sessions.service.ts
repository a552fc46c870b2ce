import { Injectable } from '@nestjs/common';
import { CommonErrors, type SessionView } from '@mailgate/contracts';
import { AuditService } from '../audit/audit.service.js';
import { actorOf } from '../audit/audit.types.js';
import { AppError } from '../infrastructure/common/http/app-error.js';
import type { RequestMeta } from '../infrastructure/common/http/request-meta.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import type { Prisma } from '../generated/prisma/client.js';
import { SESSION_POLICY, type AuthenticatedSession } from './session.types.js';

/** The signed-in user's own sessions: list, end one, end all others. Always scoped to that user. */
@Injectable()
export class AccountSessionsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
  ) {}

  async list(current: AuthenticatedSession, now = new Date()): Promise<SessionView[]> {
    const rows = await this.prisma.session.findMany({
      where: {
        userId: current.userId,
        revokedAt: null,
        expiresAt: { gt: now },
        lastSeenAt: { gt: new Date(now.getTime() - SESSION_POLICY.idleTimeoutMs) },
      },
      select: { id: true, createdAt: true, lastSeenAt: true, ip: true, userAgent: true },
      orderBy: { lastSeenAt: 'desc' },
    });
    return rows.map((row) => ({
      id: row.id,
      createdAt: row.createdAt.toISOString(),
      lastSeenAt: row.lastSeenAt.toISOString(),
      ip: row.ip,
      userAgent: row.userAgent,
      current: row.id === current.sessionId,
    }));
  }

  /** Ends one session of this user; another user's session id is "not found", never "forbidden". */
  async revoke(current: AuthenticatedSession, sessionId: string, meta: RequestMeta, now = new Date()): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const ended = await tx.session.updateMany({
        where: { id: sessionId, userId: current.userId, revokedAt: null },
        data: { revokedAt: now },
      });
      if (ended.count === 0) throw new AppError(CommonErrors.NOT_FOUND);
      await this.audit.record(tx, {
        actor: actorOf(current),
        targetUserId: current.userId,
        action: 'session.revoked',
        after: { sessionId },
        meta,
      });
    });
  }

  async signOutOthers(current: AuthenticatedSession, meta: RequestMeta, now = new Date()): Promise<number> {
    return this.prisma.$transaction((tx) => this.endOthers(tx, current, meta, now));
  }

  /**
   * Ends every session of the user but the current one, inside the caller's transaction, audited
   * as `session.signed_out_others` when any ended. Also what turning 2FA on does.
   */
  async endOthers(
    tx: Prisma.TransactionClient,
    current: Pick<AuthenticatedSession, 'userId' | 'role' | 'sessionId'>,
    meta: RequestMeta | null,
    now = new Date(),
  ): Promise<number> {
    const ended = await tx.session.updateMany({
      where: { userId: current.userId, revokedAt: null, id: { not: current.sessionId } },
      data: { revokedAt: now },
    });
    if (ended.count > 0) {
      await this.audit.record(tx, {
        actor: actorOf(current),
        targetUserId: current.userId,
        action: 'session.signed_out_others',
        after: { signedOut: ended.count },
        meta,
      });
    }
    return ended.count;
  }
}
