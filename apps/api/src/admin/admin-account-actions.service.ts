import { Injectable } from '@nestjs/common';
import { actorOf } from '../audit/audit.types.js';
import { AdminErrors } from '@mailgate/contracts';
import type { Prisma } from '../generated/prisma/client.js';
import type { Role } from '../generated/prisma/enums.js';
import type { AccountChangeKind } from '../account-events/account-events.service.js';
import { SecurityChangeService } from '../account-events/security-change.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthenticatedSession } from '../auth/session.types.js';
import { AppError } from '../infrastructure/common/http/app-error.js';
import type { RequestMeta } from '../infrastructure/common/http/request-meta.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { SecurityNoticesService } from '../notices/security-notices.service.js';
import { StaffTargetService, TARGET_FIELDS, type StaffTarget } from './staff-target.service.js';

interface ActionInput {
  readonly session: AuthenticatedSession;
  readonly userId: string;
  readonly reason: string;
  readonly meta: RequestMeta;
}

/**
 * The account-level staff actions this module owns (disable, enable, sign-outs, roles). Each runs
 * in one transaction: the change, its audit event, the user's notice and, where mail decisions
 * depend on it, the securityVersion bump; the change is published after commit.
 */
@Injectable()
export class AdminAccountActionsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly targets: StaffTargetService,
    private readonly audit: AuditService,
    private readonly notices: SecurityNoticesService,
    private readonly securityChange: SecurityChangeService,
  ) {}

  async disable(input: ActionInput): Promise<StaffTarget> {
    return this.changeStatus(input, true);
  }

  async enable(input: ActionInput): Promise<StaffTarget> {
    return this.changeStatus(input, false);
  }

  async changeRole(input: ActionInput & { role: Role }): Promise<StaffTarget> {
    return this.inTransaction('role', input, async (tx, target) => {
      if (target.role === input.role) throw new AppError(AdminErrors.NO_CHANGE);
      if (target.role === 'ADMIN') await refuseLastAdmin(tx, target.id);
      const updated = await tx.user.update({
        where: { id: target.id },
        data: { role: input.role },
        select: TARGET_FIELDS,
      });
      await this.audit.record(tx, {
        ...this.common(input, target.id),
        action: 'account.role_changed',
        before: { role: target.role },
        after: { role: input.role },
      });
      await this.notices.create(tx, {
        userId: target.id,
        kind: 'ROLE_CHANGED',
        params: { from: target.role, to: input.role },
        byStaff: true,
        reason: input.reason,
      });
      return updated;
    });
  }

  async revokeSession(input: ActionInput & { sessionId: string }): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const target = await this.targets.load(input.session, input.userId, tx);
      const now = new Date();
      const session = await tx.session.findFirst({
        where: { id: input.sessionId, userId: target.id, revokedAt: null, expiresAt: { gt: now } },
        select: { id: true, createdAt: true, ip: true, userAgent: true },
      });
      if (!session) throw new AppError(AdminErrors.ITEM_NOT_FOUND);
      await tx.session.update({ where: { id: session.id }, data: { revokedAt: now } });
      await this.audit.record(tx, {
        ...this.common(input, target.id),
        action: 'session.revoked',
        before: { sessionId: session.id, ip: session.ip, createdAt: session.createdAt, revokedAt: null },
        after: { sessionId: session.id, revokedAt: now },
      });
      await this.notices.create(tx, {
        userId: target.id,
        kind: 'SESSION_REVOKED',
        params: { ip: session.ip },
        byStaff: true,
        reason: input.reason,
      });
    });
  }

  /** Ends every web session of the user; returns how many were live. Recorded even when none were. */
  async revokeAllSessions(input: ActionInput): Promise<number> {
    return this.prisma.$transaction(async (tx) => {
      const target = await this.targets.load(input.session, input.userId, tx);
      const revoked = await revokeLiveSessions(tx, target.id);
      await this.audit.record(tx, {
        ...this.common(input, target.id),
        action: 'session.revoked_all',
        before: { activeSessions: revoked },
        after: { activeSessions: 0 },
      });
      if (revoked > 0) {
        await this.notices.create(tx, {
          userId: target.id,
          kind: 'SESSIONS_REVOKED_ALL',
          params: { count: revoked },
          byStaff: true,
          reason: input.reason,
        });
      }
      return revoked;
    });
  }

  private async changeStatus(input: ActionInput, disable: boolean): Promise<StaffTarget> {
    return this.inTransaction('account-status', input, async (tx, target) => {
      if ((target.disabledAt !== null) === disable) throw new AppError(AdminErrors.NO_CHANGE);
      if (disable && target.id === input.session.userId) throw new AppError(AdminErrors.SELF_ACTION_REFUSED);
      if (disable && target.role === 'ADMIN') await refuseLastAdmin(tx, target.id);
      const now = new Date();
      const updated = await tx.user.update({
        where: { id: target.id },
        data: disable ? { disabledAt: now, disabledReason: input.reason } : { disabledAt: null, disabledReason: null },
        select: TARGET_FIELDS,
      });
      // A disabled account's sessions would be refused anyway; ending them makes it visible at once.
      const sessionsEnded = disable ? await revokeLiveSessions(tx, target.id) : 0;
      await this.audit.record(tx, {
        ...this.common(input, target.id),
        action: disable ? 'account.disabled' : 'account.enabled',
        before: { disabled: target.disabledAt !== null, disabledAt: target.disabledAt },
        after: { disabled: disable, disabledAt: updated.disabledAt, ...(disable ? { sessionsEnded } : {}) },
      });
      await this.notices.create(tx, {
        userId: target.id,
        kind: disable ? 'ACCOUNT_DISABLED' : 'ACCOUNT_ENABLED',
        byStaff: true,
        reason: input.reason,
      });
      return updated;
    });
  }

  /**
   * A role or status change as a security change, on the target loaded under its row lock. The
   * administrators' lock comes first, in every such path, so two of them cannot deadlock.
   */
  private async inTransaction(
    kind: AccountChangeKind,
    input: ActionInput,
    change: (tx: Prisma.TransactionClient, target: StaffTarget) => Promise<StaffTarget>,
  ): Promise<StaffTarget> {
    return this.securityChange.run(
      input.userId,
      kind,
      async (tx) => change(tx, await this.targets.load(input.session, input.userId, tx)),
      { lockFirst: lockAdministrators, notFound: AdminErrors.USER_NOT_FOUND },
    );
  }

  private common(input: ActionInput, targetUserId: string) {
    return { actor: actorOf(input.session), targetUserId, reason: input.reason, meta: input.meta };
  }
}

/**
 * Role changes and disabling are serialised system-wide: two admins demoting each other at the
 * same moment must not both see "another admin remains" and leave none.
 */
async function lockAdministrators(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('mailgate:administrators'))`;
}

/** Refuses when no other enabled ADMIN would remain. */
async function refuseLastAdmin(tx: Prisma.TransactionClient, targetId: string): Promise<void> {
  const others = await tx.user.count({ where: { role: 'ADMIN', disabledAt: null, id: { not: targetId } } });
  if (others === 0) throw new AppError(AdminErrors.LAST_ADMIN);
}

async function revokeLiveSessions(tx: Prisma.TransactionClient, userId: string): Promise<number> {
  const now = new Date();
  const result = await tx.session.updateMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now } },
    data: { revokedAt: now },
  });
  return result.count;
}
