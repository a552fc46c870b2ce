import { Injectable } from '@nestjs/common';
import { AdminErrors } from '@mailgate/contracts';
import { AccountEventsService } from '../account-events/account-events.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../audit/audit.types.js';
import { AppError } from '../common/http/app-error.js';
import type { RequestMeta } from '../common/http/request-meta.js';
import { PrismaService } from '../database/prisma.service.js';
import { SecurityNoticesService } from '../notices/security-notices.service.js';

// Interim implementation written by the admin branch (OWNERSHIP.md: mail owns this file; its
// version, which also clears the brute-force counters, replaces this one at merge).

export interface AuthLockView {
  readonly id: string;
  readonly scope: 'USER_IP' | 'IP' | 'USER';
  readonly family: 'MAIL' | 'WEB';
  readonly userId: string | null;
  readonly clientIp: string | null;
  readonly failures: number;
  readonly lockedFrom: Date;
  readonly lockedUntil: Date;
}

const VIEW_FIELDS = {
  id: true,
  scope: true,
  family: true,
  userId: true,
  clientIp: true,
  failures: true,
  lockedFrom: true,
  lockedUntil: true,
} as const;

@Injectable()
export class AuthLocksService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly notices: SecurityNoticesService,
    private readonly accountEvents: AccountEventsService,
  ) {}

  async listActive(userId: string, now = new Date()): Promise<AuthLockView[]> {
    return this.prisma.authLock.findMany({
      where: { userId, liftedAt: null, lockedUntil: { gt: now } },
      select: VIEW_FIELDS,
      orderBy: { lockedUntil: 'desc' },
    });
  }

  async lift(input: { actor: Actor; lockId: string; reason: string; meta: RequestMeta | null }): Promise<void> {
    const result = await this.prisma.$transaction(async (tx) => {
      const now = new Date();
      const lock = await tx.authLock.findFirst({
        where: { id: input.lockId, liftedAt: null, lockedUntil: { gt: now } },
        select: VIEW_FIELDS,
      });
      if (!lock) throw new AppError(AdminErrors.ITEM_NOT_FOUND);
      await tx.authLock.update({
        where: { id: lock.id },
        data: { liftedAt: now, liftedById: input.actor.userId, liftReason: input.reason },
      });
      await this.audit.record(tx, {
        actor: input.actor,
        targetUserId: lock.userId,
        action: 'auth_lock.lifted',
        before: { scope: lock.scope, family: lock.family, clientIp: lock.clientIp, lockedUntil: lock.lockedUntil },
        after: { liftedAt: now },
        reason: input.reason,
        meta: input.meta,
      });
      if (!lock.userId) return { userId: null, securityVersion: 0 };
      await this.notices.create(tx, {
        userId: lock.userId,
        kind: 'LOGIN_LOCK_LIFTED',
        params: { family: lock.family },
        byStaff: input.actor.userId !== lock.userId,
        reason: input.reason,
      });
      return { userId: lock.userId, securityVersion: await this.accountEvents.bumpSecurityVersion(tx, lock.userId) };
    });
    if (result.userId) {
      await this.accountEvents.publish({
        userId: result.userId,
        kind: 'lock',
        securityVersion: result.securityVersion,
      });
    }
  }
}
