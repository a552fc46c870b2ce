import { Injectable } from '@nestjs/common';
import { AdminErrors } from '@mailgate/contracts';
import { AccountEventsService } from '../account-events/account-events.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../audit/audit.types.js';
import { AppError } from '../common/http/app-error.js';
import type { RequestMeta } from '../common/http/request-meta.js';
import { PrismaService } from '../database/prisma.service.js';
import { SecurityNoticesService } from '../notices/security-notices.service.js';

// Interim implementation written by the admin branch (OWNERSHIP.md: portal owns this file and its
// version replaces this one at merge). Only list/revoke/revokeAll, which the admin panel calls.

/** Metadata only, times as ISO 8601 strings (the portal's `ZAppPassword` shape). */
export interface AppPasswordView {
  readonly id: string;
  readonly name: string;
  readonly scopes: ('IMAP' | 'POP3' | 'SMTP')[];
  readonly status: 'active' | 'expired' | 'revoked';
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
  readonly lastUsedIp: string | null;
  readonly lastUsedProtocol: 'IMAP' | 'POP3' | 'SMTP' | null;
}

const VIEW_FIELDS = {
  id: true,
  name: true,
  scopes: true,
  createdAt: true,
  expiresAt: true,
  revokedAt: true,
  lastUsedAt: true,
  lastUsedIp: true,
  lastUsedProtocol: true,
} as const;

@Injectable()
export class AppPasswordsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly notices: SecurityNoticesService,
    private readonly accountEvents: AccountEventsService,
  ) {}

  async list(userId: string, now = new Date()): Promise<AppPasswordView[]> {
    const rows = await this.prisma.appPassword.findMany({
      where: { userId },
      select: VIEW_FIELDS,
      orderBy: { createdAt: 'desc' },
    });
    return rows.map((row) => ({
      ...row,
      status: row.revokedAt ? 'revoked' : row.expiresAt && row.expiresAt <= now ? 'expired' : 'active',
      createdAt: row.createdAt.toISOString(),
      expiresAt: row.expiresAt?.toISOString() ?? null,
      revokedAt: row.revokedAt?.toISOString() ?? null,
      lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    }));
  }

  async revoke(input: {
    actor: Actor;
    userId: string;
    appPasswordId: string;
    reason?: string | null;
    meta: RequestMeta | null;
  }): Promise<void> {
    const securityVersion = await this.prisma.$transaction(async (tx) => {
      const now = new Date();
      const found = await tx.appPassword.findFirst({
        where: { id: input.appPasswordId, userId: input.userId, revokedAt: null },
        select: VIEW_FIELDS,
      });
      if (!found) throw new AppError(AdminErrors.ITEM_NOT_FOUND);
      await tx.appPassword.update({ where: { id: found.id }, data: { revokedAt: now } });
      await this.audit.record(tx, {
        actor: input.actor,
        targetUserId: input.userId,
        action: 'app_password.revoked',
        before: { id: found.id, name: found.name, revokedAt: null },
        after: { id: found.id, name: found.name, revokedAt: now },
        reason: input.reason ?? null,
        meta: input.meta,
      });
      await this.notices.create(tx, {
        userId: input.userId,
        kind: 'APP_PASSWORD_REVOKED',
        params: { name: found.name },
        byStaff: input.actor.userId !== input.userId,
        reason: input.reason ?? null,
      });
      return this.accountEvents.bumpSecurityVersion(tx, input.userId);
    });
    await this.accountEvents.publish({ userId: input.userId, kind: 'app-password', securityVersion });
  }

  async revokeAll(input: {
    actor: Actor;
    userId: string;
    reason?: string | null;
    meta: RequestMeta | null;
  }): Promise<number> {
    const result = await this.prisma.$transaction(async (tx) => {
      const now = new Date();
      const active = await tx.appPassword.findMany({
        where: { userId: input.userId, revokedAt: null },
        select: { id: true, name: true },
      });
      if (active.length === 0) return { count: 0, securityVersion: null };
      await tx.appPassword.updateMany({
        where: { id: { in: active.map((entry) => entry.id) } },
        data: { revokedAt: now },
      });
      await this.audit.record(tx, {
        actor: input.actor,
        targetUserId: input.userId,
        action: 'app_password.revoked_all',
        before: { active: active.map((entry) => ({ id: entry.id, name: entry.name })) },
        after: { active: [], revoked: active.length },
        reason: input.reason ?? null,
        meta: input.meta,
      });
      await this.notices.create(tx, {
        userId: input.userId,
        kind: 'APP_PASSWORDS_REVOKED_ALL',
        params: { count: active.length },
        byStaff: input.actor.userId !== input.userId,
        reason: input.reason ?? null,
      });
      return { count: active.length, securityVersion: await this.accountEvents.bumpSecurityVersion(tx, input.userId) };
    });
    if (result.securityVersion !== null) {
      await this.accountEvents.publish({
        userId: input.userId,
        kind: 'app-password',
        securityVersion: result.securityVersion,
      });
    }
    return result.count;
  }
}
