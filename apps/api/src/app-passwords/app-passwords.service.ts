import { Injectable } from '@nestjs/common';
import {
  APP_PASSWORD_LIMIT,
  AppPasswordsErrors,
  CommonErrors,
  formatAppPassword,
  type AppPasswordExpiry,
  type AppPasswordView,
  type Protocol,
  ZMailAuthReason,
} from '@mailgate/contracts';
import { SecurityChangeService } from '../account-events/security-change.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../audit/audit.types.js';
import { SecretKeyring } from '../infrastructure/common/crypto/secret-keyring.js';
import { AppError } from '../infrastructure/common/http/app-error.js';
import type { RequestMeta } from '../infrastructure/common/http/request-meta.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import type { Prisma } from '../generated/prisma/client.js';
import { SecurityNoticesService } from '../notices/security-notices.service.js';
import { generateAppPassword } from './app-password-generator.js';
import { expiryToDate, toAppPasswordView } from './app-password.view.js';

export type { AppPasswordView };

/** Revoked or expired app passwords stay visible this long, so the user sees what stopped working. */
const RECENTLY_ENDED_MS = 30 * 24 * 60 * 60_000;

export interface CreateAppPasswordInput {
  readonly actor: Actor;
  readonly userId: string;
  readonly name: string;
  readonly scopes: readonly Protocol[];
  readonly expiresIn: AppPasswordExpiry;
  readonly meta: RequestMeta | null;
  readonly now?: Date;
}

/**
 * App passwords: random secrets for mail programs, each limited to some protocols. Only a keyed
 * hash of the normalised secret is stored; the secret is returned once, by `create`.
 */
@Injectable()
export class AppPasswordsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly keyring: SecretKeyring,
    private readonly audit: AuditService,
    private readonly notices: SecurityNoticesService,
    private readonly securityChange: SecurityChangeService,
  ) {}

  /** Active ones (newest first), then those revoked or expired recently. Never the secret. */
  async list(userId: string, now: Date = new Date()): Promise<AppPasswordView[]> {
    const since = new Date(now.getTime() - RECENTLY_ENDED_MS);
    const rows = await this.prisma.appPassword.findMany({
      where: {
        userId,
        OR: [
          { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: since } }] },
          { revokedAt: { gte: since } },
        ],
      },
      omit: { secretHash: true },
      orderBy: { createdAt: 'desc' },
    });
    const refusals = await this.lastRefusals(userId, rows);
    const views = rows.map((row) => toAppPasswordView(row, now, refusals.get(row.id) ?? null));
    return [...views.filter((view) => view.status === 'active'), ...views.filter((view) => view.status !== 'active')];
  }

  /** Per app password, its newest refused login after its last allowed one (one query for the list). */
  private async lastRefusals(
    userId: string,
    rows: readonly { id: string; createdAt: Date; lastUsedAt: Date | null }[],
  ): Promise<Map<string, NonNullable<AppPasswordView['lastRefusal']>>> {
    if (rows.length === 0) return new Map();
    const ids = rows.map((row) => row.id);
    const found = await this.prisma.$queryRaw<
      { appPasswordId: string; createdAt: Date; protocol: Protocol | null; reasonCode: string }[]
    >`
      SELECT DISTINCT ON (a."appPasswordId") a."appPasswordId", a."createdAt", a.protocol::text AS protocol, a."reasonCode"
      FROM login_attempts a JOIN app_passwords p ON p.id = a."appPasswordId"
      WHERE a."userId" = ${userId}::uuid AND a."appPasswordId" = ANY(${ids}::uuid[]) AND a.result = 'DENY'
        AND a."createdAt" >= COALESCE(p."lastUsedAt", p."createdAt")
      ORDER BY a."appPasswordId", a."createdAt" DESC, a.id DESC`;
    return new Map(
      found.flatMap((row) => {
        const reason = ZMailAuthReason.safeParse(row.reasonCode);
        if (!reason.success) return [];
        return [
          [row.appPasswordId, { time: row.createdAt.toISOString(), protocol: row.protocol, reasonCode: reason.data }],
        ];
      }),
    );
  }

  async activeCount(userId: string, now: Date = new Date()): Promise<number> {
    return this.prisma.appPassword.count({ where: activeWhere(userId, now) });
  }

  async create(input: CreateAppPasswordInput): Promise<{ appPassword: AppPasswordView; secret: string }> {
    const now = input.now ?? new Date();
    const secret = generateAppPassword();
    // The row lock serialises concurrent creations for one user, so the limit cannot be overrun.
    const row = await this.securityChange.run(input.userId, 'app-password', async (tx, change) => {
      if ((await tx.appPassword.count({ where: activeWhere(input.userId, now) })) >= APP_PASSWORD_LIMIT) {
        throw new AppError(AppPasswordsErrors.APP_PASSWORD_LIMIT_REACHED);
      }
      const created = await tx.appPassword.create({
        data: {
          userId: input.userId,
          name: input.name,
          scopes: [...input.scopes],
          secretHash: this.keyring.hash('app-password', secret),
          createdAt: now,
          expiresAt: expiryToDate(input.expiresIn, now),
        },
        omit: { secretHash: true },
      });
      const view = toAppPasswordView(created, now);
      await this.audit.record(tx, {
        actor: input.actor,
        targetUserId: input.userId,
        action: 'app_password.created',
        after: { id: view.id, name: view.name, scopes: view.scopes, expiresAt: view.expiresAt },
        meta: input.meta,
      });
      await this.notices.create(tx, {
        userId: input.userId,
        kind: 'APP_PASSWORD_CREATED',
        params: { name: view.name, scopes: view.scopes.join(', ') },
        byStaff: input.actor.userId !== input.userId,
        actor: input.actor,
      });
      change.endsAccess([]);
      return view;
    });
    return { appPassword: row, secret: formatAppPassword(secret) };
  }

  /** Revokes one app password of this user. Another user's id is "not found", never "forbidden". */
  async revoke(input: {
    actor: Actor;
    userId: string;
    appPasswordId: string;
    reason?: string | null;
    meta: RequestMeta | null;
    now?: Date;
  }): Promise<void> {
    const now = input.now ?? new Date();
    await this.securityChange.run(input.userId, 'app-password', async (tx, change) => {
      const existing = await tx.appPassword.findFirst({
        where: { id: input.appPasswordId, userId: input.userId },
        select: { id: true, name: true, scopes: true, revokedAt: true },
      });
      if (!existing) throw new AppError(CommonErrors.NOT_FOUND);
      // Already revoked: succeed without a second audit event or notice (revoking is idempotent).
      if (existing.revokedAt) return change.unchanged();
      await tx.appPassword.update({ where: { id: existing.id }, data: { revokedAt: now } });
      await this.audit.record(tx, {
        actor: input.actor,
        targetUserId: input.userId,
        action: 'app_password.revoked',
        before: { id: existing.id, name: existing.name, scopes: existing.scopes },
        after: { id: existing.id, revokedAt: now },
        reason: input.reason ?? null,
        meta: input.meta,
      });
      await this.notices.create(tx, {
        userId: input.userId,
        kind: 'APP_PASSWORD_REVOKED',
        params: { name: existing.name },
        byStaff: input.actor.userId !== input.userId,
        actor: input.actor,
        reason: input.reason ?? null,
      });
      // Sessions opened with it can only be of its scopes.
      change.endsAccess(existing.scopes);
    });
  }

  /** Revokes every app password not yet revoked; returns how many were revoked. */
  async revokeAll(input: {
    actor: Actor;
    userId: string;
    reason?: string | null;
    meta: RequestMeta | null;
    now?: Date;
  }): Promise<number> {
    const now = input.now ?? new Date();
    return this.securityChange.run(input.userId, 'app-password', async (tx, change) => {
      const targets = await this.revokeAllIn(tx, { ...input, now });
      if (targets.length === 0) {
        change.unchanged();
        return 0;
      }
      await this.notices.create(tx, {
        userId: input.userId,
        kind: 'APP_PASSWORDS_REVOKED_ALL',
        params: { count: targets.length },
        byStaff: input.actor.userId !== input.userId,
        actor: input.actor,
        reason: input.reason ?? null,
      });
      change.endsAccess([...new Set(targets.flatMap((target) => target.scopes))]);
      return targets.length;
    });
  }

  /**
   * The revocation itself, audited, inside a security change that already holds the user's row:
   * revokeAll adds its notice, a password change reports the count in its own.
   */
  async revokeAllIn(
    tx: Prisma.TransactionClient,
    input: { actor: Actor; userId: string; reason?: string | null; meta: RequestMeta | null; now: Date },
  ): Promise<{ id: string; name: string; scopes: Protocol[] }[]> {
    const targets = await tx.appPassword.findMany({
      where: { userId: input.userId, revokedAt: null },
      select: { id: true, name: true, scopes: true },
    });
    if (targets.length === 0) return targets;
    const ids = targets.map((target) => target.id);
    await tx.appPassword.updateMany({ where: { id: { in: ids } }, data: { revokedAt: input.now } });
    await this.audit.record(tx, {
      actor: input.actor,
      targetUserId: input.userId,
      action: 'app_password.revoked_all',
      before: { appPasswords: targets.map(({ id, name }) => ({ id, name })) },
      after: { revoked: targets.length, revokedAt: input.now },
      reason: input.reason ?? null,
      meta: input.meta,
    });
    return targets;
  }
}

function activeWhere(userId: string, now: Date): Prisma.AppPasswordWhereInput {
  return { userId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
}
