import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import { Clock } from '../common/clock/clock.js';
import { GlobalSettingsService } from '../settings/global-settings.service.js';

/** An arbitrary constant naming this job's advisory lock (shared by every instance). */
export const PRUNE_ADVISORY_LOCK_KEY = 4_201_771_001n;
const PRUNE_INTERVAL_MS = 60 * 60_000;
const DELETE_BATCH = 10_000;

export type PruneResult = { ran: false } | { ran: true; deletedAttempts: number; deletedLocks: number };

/**
 * Deletes login attempts (and ended lock records, and familiar addresses) older than the retention the administrator
 * set (default 90 days). Every instance schedules it; `pg_try_advisory_xact_lock` makes sure
 * only one of them works at a time and the others skip that round.
 */
@Injectable()
export class LoginAttemptsPruner implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('LoginAttemptsPruner');
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly prisma: PrismaService,
    private readonly settings: GlobalSettingsService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    // A random offset so that instances started together do not all try at the same moment.
    const firstRunMs = 60_000 + Math.floor(Math.random() * 60_000);
    this.timer = setTimeout(() => this.runAndReschedule(), firstRunMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  async prune(): Promise<PruneResult> {
    const { loginAttemptRetentionDays } = await this.settings.get();
    const cutoff = new Date(this.clock.now().getTime() - loginAttemptRetentionDays * 86_400_000);
    return this.prisma.$transaction(
      async (tx) => {
        const [{ locked }] = await tx.$queryRaw<[{ locked: boolean }]>`
          SELECT pg_try_advisory_xact_lock(${PRUNE_ADVISORY_LOCK_KEY}) AS locked`;
        if (!locked) return { ran: false } as const;
        let deletedAttempts = 0;
        for (;;) {
          // Batches keep each statement short; the createdAt index finds the old rows.
          const deleted = await tx.$executeRaw`
            DELETE FROM "login_attempts" WHERE "id" IN (
              SELECT "id" FROM "login_attempts" WHERE "createdAt" < ${cutoff} LIMIT ${DELETE_BATCH})`;
          deletedAttempts += deleted;
          if (deleted < DELETE_BATCH) break;
        }
        const deletedLocks = await tx.$executeRaw`DELETE FROM "auth_locks" WHERE "lockedUntil" < ${cutoff}`;
        // Familiar addresses matter for days (MAIL_AUTH_RECENT_SUCCESS_DAYS); older ones go with the log.
        await tx.$executeRaw`DELETE FROM "familiar_ips" WHERE "lastSuccessAt" < ${cutoff}`;
        return { ran: true, deletedAttempts, deletedLocks } as const;
      },
      { timeout: 10 * 60_000 },
    );
  }

  private runAndReschedule(): void {
    this.prune()
      .then((result) => {
        if (result.ran) this.logger.log({ ...result }, 'pruned old login attempts');
      })
      .catch((error: unknown) => this.logger.warn({ err: error }, 'pruning login attempts failed'))
      .finally(() => {
        if (this.stopped) return;
        this.timer = setTimeout(() => this.runAndReschedule(), PRUNE_INTERVAL_MS);
        this.timer.unref();
      });
  }
}
