import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { Clock } from '../infrastructure/common/clock/clock.js';
import { GlobalSettingsService } from '../settings/global-settings.service.js';

/** An arbitrary constant naming this job's advisory lock (shared by every instance). */
export const PRUNE_ADVISORY_LOCK_KEY = 4_201_771_001n;
const PRUNE_INTERVAL_MS = 60 * 60_000;
/** Day partitions kept ready ahead of time, so that a few days without this job cost nothing. */
export const PARTITION_DAYS_AHEAD = 7;
const DAY_MS = 86_400_000;

export type PruneResult =
  { ran: false } | { ran: true; createdPartitions: number; droppedPartitions: number; deletedLocks: number };

/**
 * Keeps the login history's day partitions: creates today's and the next week's, drops those
 * wholly older than the retention the administrator set (default 90 days; a partition that is
 * only partly expired waits for its last row, so history lives at most a day longer), and
 * deletes expired rows of the default partition. Also deletes ended lock records and familiar
 * addresses. Every instance schedules it; `pg_try_advisory_xact_lock` makes sure only one of them
 * works at a time and the others skip that round. The partition SQL lives in the database
 * (login_attempts_ensure_partition / login_attempts_drop_before, migration login_history_partitions).
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
        // DDL on the parent waits for running inserts and reads; never long enough to stall them.
        await tx.$executeRaw`SET LOCAL lock_timeout = '10s'`;
        const today = Math.floor(this.clock.now().getTime() / DAY_MS) * DAY_MS;
        let createdPartitions = 0;
        for (let day = 0; day <= PARTITION_DAYS_AHEAD; day += 1) {
          const date = new Date(today + day * DAY_MS).toISOString().slice(0, 10);
          const [{ created }] = await tx.$queryRaw<[{ created: boolean }]>`
            SELECT login_attempts_ensure_partition(${date}::date) AS created`;
          if (created) createdPartitions += 1;
        }
        const [{ dropped }] = await tx.$queryRaw<[{ dropped: number }]>`
          SELECT login_attempts_drop_before(${cutoff.toISOString()}::timestamptz AT TIME ZONE 'UTC') AS dropped`;
        const deletedLocks = await tx.$executeRaw`DELETE FROM "auth_locks" WHERE "lockedUntil" < ${cutoff}`;
        // Familiar addresses matter for days (MAIL_AUTH_RECENT_SUCCESS_DAYS); older ones go with the log.
        await tx.$executeRaw`DELETE FROM "familiar_ips" WHERE "lastSuccessAt" < ${cutoff}`;
        return { ran: true, createdPartitions, droppedPartitions: dropped, deletedLocks } as const;
      },
      { timeout: 10 * 60_000 },
    );
  }

  private runAndReschedule(): void {
    this.prune()
      .then((result) => {
        if (result.ran) this.logger.log({ ...result }, 'login history partitions kept');
      })
      .catch((error: unknown) => this.logger.warn({ err: error }, 'pruning login attempts failed'))
      .finally(() => {
        if (this.stopped) return;
        this.timer = setTimeout(() => this.runAndReschedule(), PRUNE_INTERVAL_MS);
        this.timer.unref();
      });
  }
}
