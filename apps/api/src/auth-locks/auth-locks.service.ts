import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { AuthLocksErrors, type AuthLockView } from '@mailgate/contracts';
import { APP_CONFIG, type AppConfig } from '../infrastructure/config/config.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { AppError } from '../infrastructure/common/http/app-error.js';
import type { RequestMeta } from '../infrastructure/common/http/request-meta.js';
import { Clock } from '../infrastructure/common/clock/clock.js';
import { AuditService } from '../audit/audit.service.js';
import { SYSTEM_ACTOR, type Actor } from '../audit/audit.types.js';
import { SecurityNoticesService } from '../notices/security-notices.service.js';
import { SecurityChangeService } from '../account-events/security-change.service.js';
import type { Prisma } from '../generated/prisma/client.js';
import { CounterStore } from '../infrastructure/rate-limit/counter-store.js';
import { RedisService } from '../infrastructure/redis/redis.service.js';
import type { AuthLock } from '../generated/prisma/client.js';
import { LockStore } from './lock-store.js';
import type { ProtocolFamily } from '../generated/prisma/enums.js';
import { bruteForceKeys } from './brute-force.policy.js';

export type LockScope = 'USER_IP' | 'IP' | 'USER';

export interface NewLock {
  readonly scope: LockScope;
  readonly family: ProtocolFamily;
  readonly userId: string | null;
  readonly clientIp: string | null;
  readonly failures: number;
  readonly lockedFrom: Date;
  readonly lockedUntil: Date;
}

/** After a lock is set; `login` is the normalised login (null for an IP lock, which concerns everyone). */
export type LockSetListener = (lock: NewLock & { readonly login: string | null }) => void;

/**
 * Brute-force locks as records: each lock is a row (the history support reads), mirrored into
 * the LockStore that every login checks. Support can lift a lock; that is audited, announced to
 * the user, and takes effect on every instance at once (the mirror is shared through Redis).
 */
@Injectable()
export class AuthLocksService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('AuthLocks');
  private readonly lockSetListeners = new Set<LockSetListener>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly notices: SecurityNoticesService,
    private readonly securityChange: SecurityChangeService,
    private readonly lockStore: LockStore,
    private readonly counters: CounterStore,
    private readonly redis: RedisService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    // Redis may have lost keys while we were away; the table is the record to restore from.
    this.redis.onReconnect(() => void this.rehydrate());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.rehydrate();
  }

  onLockSet(listener: LockSetListener): () => void {
    this.lockSetListeners.add(listener);
    return () => this.lockSetListeners.delete(listener);
  }

  /**
   * Records a lock the brute-force defence has already mirrored. Account locks also notify the
   * user. One lock, one record: the brute-force counters let only one failure set each lock, and
   * this guard (per subject, under an advisory lock) drops a second one while the first is in
   * force, e.g. from another instance counting on its own while Redis is away.
   */
  async recordLock(lock: NewLock, login: string | null): Promise<void> {
    let created = true;
    if (lock.userId || lock.scope === 'IP') {
      created = await this.prisma.$transaction(async (tx) => {
        const subject = `auth_lock/${lock.scope}/${lock.family}/${lock.userId ?? ''}/${lock.clientIp ?? ''}`;
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${subject}, 0))`;
        const running = await tx.authLock.count({
          where: {
            scope: lock.scope,
            family: lock.family,
            userId: lock.userId,
            clientIp: lock.clientIp,
            liftedAt: null,
            lockedUntil: { gt: lock.lockedFrom },
          },
        });
        if (running > 0) return false;
        await tx.authLock.create({ data: { ...lock } });
        if (lock.scope !== 'USER' || !lock.userId) return true;
        await this.audit.record(tx, {
          actor: SYSTEM_ACTOR,
          targetUserId: lock.userId,
          action: 'auth_lock.set',
          after: {
            scope: lock.scope,
            family: lock.family,
            failures: lock.failures,
            lockedFrom: lock.lockedFrom.toISOString(),
            lockedUntil: lock.lockedUntil.toISOString(),
          },
        });
        await this.notices.create(tx, {
          userId: lock.userId,
          kind: 'LOGIN_LOCKED',
          params: { family: lock.family, until: lock.lockedUntil.toISOString() },
        });
        return true;
      });
    }
    if (!created) return;
    for (const listener of this.lockSetListeners) {
      try {
        listener({ ...lock, login: lock.scope === 'IP' ? null : login });
      } catch (error) {
        this.logger.error({ err: error }, 'lock listener failed');
      }
    }
  }

  async listActive(userId: string, now: Date = this.clock.now()): Promise<AuthLockView[]> {
    const locks = await this.prisma.authLock.findMany({
      where: { userId, liftedAt: null, lockedUntil: { gt: now } },
      orderBy: { lockedUntil: 'desc' },
    });
    return locks.map(toView);
  }

  async lift(input: { actor: Actor; lockId: string; reason: string; meta: RequestMeta | null }): Promise<void> {
    const now = this.clock.now();
    // A lock's user never changes: known beforehand, it says whether lifting is a security change.
    const owner = await this.prisma.authLock.findUnique({ where: { id: input.lockId }, select: { userId: true } });
    if (!owner) throw new AppError(AuthLocksErrors.AUTH_LOCK_NOT_FOUND);
    const liftLock = async (tx: Prisma.TransactionClient) => {
      const found = await tx.authLock.findUnique({ where: { id: input.lockId }, include: { user: true } });
      if (!found) throw new AppError(AuthLocksErrors.AUTH_LOCK_NOT_FOUND);
      if (found.liftedAt || found.lockedUntil <= now) throw new AppError(AuthLocksErrors.AUTH_LOCK_NOT_ACTIVE);
      await tx.authLock.update({
        where: { id: found.id },
        data: { liftedAt: now, liftedById: input.actor.userId, liftReason: input.reason },
      });
      await this.audit.record(tx, {
        actor: input.actor,
        targetUserId: found.userId,
        action: 'auth_lock.lifted',
        before: { scope: found.scope, family: found.family, clientIp: found.clientIp, lockedUntil: found.lockedUntil },
        reason: input.reason,
        meta: input.meta,
      });
      if (found.userId) {
        await this.notices.create(tx, {
          userId: found.userId,
          kind: 'LOGIN_LOCK_LIFTED',
          params: { family: found.family },
          byStaff: input.actor.userId !== found.userId,
          reason: input.reason,
        });
      }
      return { lock: found, email: found.user?.email ?? null };
    };
    // The mirror is cleared before listeners hear of the change, so a fresh decision finds no lock.
    const clearMirror = ({ lock, email }: Awaited<ReturnType<typeof liftLock>>) => this.clearMirror(lock, email);
    if (owner.userId) {
      await this.securityChange.run(owner.userId, 'lock', liftLock, { beforePublish: clearMirror });
    } else {
      await clearMirror(await this.prisma.$transaction(liftLock));
    }
  }

  /** Copies the active locks into the LockStore (at boot, and after Redis came back). */
  async rehydrate(): Promise<void> {
    try {
      const now = this.clock.now();
      const active = await this.prisma.authLock.findMany({
        where: { liftedAt: null, lockedUntil: { gt: now } },
        include: { user: { select: { email: true } } },
        take: 100_000,
      });
      for (const lock of active) {
        const key = this.mirrorKey(lock, lock.user?.email ?? null);
        if (key) await this.lockStore.set(key, lock.lockedUntil.getTime(), lock.lockedUntil.getTime() - now.getTime());
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'could not restore active locks');
    }
  }

  private async clearMirror(lock: AuthLock, email: string | null): Promise<void> {
    const key = this.mirrorKey(lock, email);
    if (key) await this.lockStore.delete([key]);
    const keys = bruteForceKeys(lock.family, email ?? '', lock.clientIp ?? '');
    // Start counting afresh, or the next failure would lock again at once.
    const [counter, lockedAt] =
      lock.scope === 'USER_IP'
        ? [keys.pairCount, keys.pairLockFailures]
        : lock.scope === 'IP'
          ? [keys.ipCount, keys.ipLockFailures]
          : [keys.accountCount, keys.accountLockFailures];
    await Promise.all([this.counters.reset(counter), this.lockStore.delete([lockedAt])]);
  }

  private mirrorKey(lock: AuthLock, email: string | null): string | null {
    const keys = bruteForceKeys(lock.family, email ?? '', lock.clientIp ?? '');
    if (lock.scope === 'IP') return lock.clientIp ? keys.ipLock : null;
    if (!email) return null;
    return lock.scope === 'USER' ? keys.accountLock : lock.clientIp ? keys.pairLock : null;
  }
}

function toView(lock: AuthLock): AuthLockView {
  return {
    id: lock.id,
    scope: lock.scope,
    family: lock.family,
    clientIp: lock.clientIp,
    failures: lock.failures,
    lockedFrom: lock.lockedFrom.toISOString(),
    lockedUntil: lock.lockedUntil.toISOString(),
  };
}
