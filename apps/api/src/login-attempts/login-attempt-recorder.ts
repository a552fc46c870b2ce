import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleDestroy } from '@nestjs/common';
import pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../infrastructure/config/config.js';
import { poolOptions } from '../infrastructure/database/prisma.service.js';
import { MailgateMetrics } from '../infrastructure/metrics/mailgate-metrics.js';
import { samplePool } from '../infrastructure/metrics/pool-sampler.js';
import type { Protocol } from '../generated/prisma/enums.js';
import type { LoginAttemptRecord } from './login-attempts.types.js';
import { LoginAttemptBatch, type LoginAttemptAggregate } from './login-attempt-batch.js';
import { insertAttemptRows, upsertAggregates } from './login-attempt-sql.js';
import { NewMailDeviceNotices, type WrittenMailSuccess } from '../notices/new-mail-device.notices.js';

const FLUSH_INTERVAL_MS = 250;
const FLUSH_BATCH = 500;
/**
 * Successes wait longer than refusals before they are written: mail programs open several
 * connections at once and log in again every few minutes, so a few seconds of folding in memory
 * turns a burst into one upsert. A crash loses at most this much of the success counts.
 */
const AGGREGATE_FLUSH_MS = 5_000;
const AGGREGATE_FLUSH_KEYS = 5_000;
/** While the database is away, keep at most this many single rows (the oldest go first). */
const MAX_BUFFERED = 100_000;
/** ... and at most this many aggregates (new keys are dropped; known ones keep counting). */
const MAX_AGGREGATES = 100_000;
const APP_PASSWORD_USE_THROTTLE_MS = 60_000;
const SHUTDOWN_ATTEMPTS = 5;

interface AppPasswordUse {
  at: Date;
  ip: string;
  protocol: Protocol;
}

/**
 * Writes login attempts (and app passwords' last use) in batches, off the response path: a
 * decision never waits for its own record. Refusals are single rows, flushed every 250 ms or 500
 * rows; successes (and refusal floods) are folded in memory into hourly aggregates and upserted
 * every few seconds (LoginAttemptBatch). Everything is flushed on shutdown, so a graceful stop
 * loses nothing. If the database is away, records wait (bounded) and are retried.
 * It has its own small connection pool: a batch is one plain statement (cheaper than through the
 * ORM at thousands of rows a second), and its lifetime is tied to this recorder's final flush.
 */
@Injectable()
export class LoginAttemptRecorder implements OnModuleDestroy, OnApplicationShutdown {
  private readonly logger = new Logger('LoginAttempts');
  private readonly batch = new LoginAttemptBatch();
  private readonly appPasswordUses = new Map<string, AppPasswordUse>();
  private readonly appPasswordWrittenAt = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private timerDueAt = 0;
  private aggregatesDueAt = 0;
  private flushing: Promise<void> | null = null;
  private dropped = 0;
  private readonly pool: pg.Pool;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly metrics: MailgateMetrics,
    private readonly newDevices: NewMailDeviceNotices,
  ) {
    // The same connect and statement deadlines as the main pool: a hung database must not hold a
    // flush (and with it a shutdown) for longer than that.
    this.pool = new pg.Pool({
      ...poolOptions(config),
      application_name: 'mailgate-attempts',
      max: 1,
      idleTimeoutMillis: 30_000,
    });
    // An idle connection dropped by the server must not crash the process; the next flush reconnects.
    this.pool.on('error', (error) => this.logger.warn({ err: error.message }, 'attempt writer connection lost'));
    samplePool(metrics, 'attempts', this.pool);
    metrics.addSampler(() => metrics.attemptQueueDepth.set(this.pending()));
  }

  record(attempt: LoginAttemptRecord): void {
    const before = this.batch.aggregates.size;
    if (attempt.result === 'ALLOW' && before >= MAX_AGGREGATES && !this.batch.knows(attempt)) {
      this.noteDropped(1);
      return;
    }
    this.batch.add(attempt);
    if (this.batch.rows.length > MAX_BUFFERED) {
      const excess = this.batch.rows.length - MAX_BUFFERED;
      this.batch.rows.splice(0, excess);
      this.noteDropped(excess);
    }
    if (this.batch.aggregates.size > before && before === 0) this.aggregatesDueAt = Date.now() + AGGREGATE_FLUSH_MS;
    if (this.batch.rows.length >= FLUSH_BATCH || this.batch.aggregates.size >= AGGREGATE_FLUSH_KEYS) this.schedule(0);
    else if (this.batch.rows.length > 0) this.schedule(FLUSH_INTERVAL_MS);
    else this.schedule(Math.max(0, this.aggregatesDueAt - Date.now()));
  }

  /** Last-used time/IP/protocol of an app password, written at most once a minute per password. */
  noteAppPasswordUse(appPasswordId: string, use: AppPasswordUse): void {
    const last = this.appPasswordWrittenAt.get(appPasswordId) ?? 0;
    if (use.at.getTime() - last < APP_PASSWORD_USE_THROTTLE_MS) return;
    this.appPasswordWrittenAt.set(appPasswordId, use.at.getTime());
    if (this.appPasswordWrittenAt.size > 100_000) this.appPasswordWrittenAt.clear();
    this.appPasswordUses.set(appPasswordId, use);
    this.schedule(FLUSH_INTERVAL_MS);
  }

  /** Writes everything buffered so far (tests and shutdown call it; the timer does otherwise). */
  async flush(): Promise<void> {
    await this.write(true);
  }

  /**
   * Runs before the database module's own destroy hook (this module is not global, so Nest
   * destroys it first); onApplicationShutdown catches anything recorded after that.
   */
  async onModuleDestroy(): Promise<void> {
    await this.drain();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.drain();
    await this.pool.end().catch(() => undefined);
  }

  private async drain(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (let attempt = 0; attempt < SHUTDOWN_ATTEMPTS && this.pending() > 0; attempt += 1) {
      await this.flush().catch(() => new Promise((resolve) => setTimeout(resolve, 200)));
    }
    if (this.pending() > 0)
      this.logger.error({ lost: this.pending() }, 'login attempts could not be written at shutdown');
  }

  /** Records not yet written: single rows, aggregates (one per key and hour), last-use updates. */
  pending(): number {
    return this.batch.rows.length + this.batch.aggregates.size + this.appPasswordUses.size;
  }

  private noteDropped(count: number): void {
    this.metrics.attemptsDropped.inc(count);
    this.dropped += 1;
    if (this.dropped % 1000 === 1) this.logger.error({ dropped: this.dropped }, 'login attempt buffer full; dropping');
  }

  private async write(everything: boolean): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.pending() === 0) return;
    const stopTimer = this.metrics.attemptFlushSeconds.startTimer();
    this.flushing = this.writeAll(everything)
      .then(
        () => void stopTimer({ result: 'ok' }),
        (error: unknown) => {
          stopTimer({ result: 'failed' });
          throw error;
        },
      )
      .finally(() => (this.flushing = null));
    await this.flushing;
  }

  private schedule(delayMs: number): void {
    const dueAt = Date.now() + delayMs;
    if (this.timer && this.timerDueAt <= dueAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerDueAt = dueAt;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.write(false)
        .then(() => {
          if (this.batch.aggregates.size > 0) this.schedule(Math.max(0, this.aggregatesDueAt - Date.now()));
        })
        .catch((error: unknown) => {
          this.logger.warn({ err: error, pending: this.pending() }, 'could not write login attempts; will retry');
          this.schedule(1_000);
        });
    }, delayMs);
  }

  private async writeAll(everything: boolean): Promise<void> {
    while (this.batch.rows.length > 0) {
      const chunk = this.batch.rows.slice(0, FLUSH_BATCH * 10);
      await insertAttemptRows(this.pool, chunk);
      this.batch.rows.splice(0, chunk.length);
    }
    const aggregatesDue = Date.now() >= this.aggregatesDueAt || this.batch.aggregates.size >= AGGREGATE_FLUSH_KEYS;
    if ((everything || aggregatesDue) && this.batch.aggregates.size > 0) {
      const taken = this.batch.takeAggregates();
      this.aggregatesDueAt = Date.now() + AGGREGATE_FLUSH_MS;
      for (let start = 0; start < taken.length; start += FLUSH_BATCH * 10) {
        try {
          await upsertAggregates(this.pool, taken.slice(start, start + FLUSH_BATCH * 10));
        } catch (error) {
          this.batch.restoreAggregates(taken.slice(start));
          throw error;
        }
      }
      // Only once they are written: the check reads them as history. It never fails the flush.
      await this.newDevices.afterWrite(writtenSuccesses(taken));
    }
    const uses = [...this.appPasswordUses];
    this.appPasswordUses.clear();
    try {
      for (const [id, use] of uses) {
        await this.pool.query(
          `UPDATE "app_passwords" SET "lastUsedAt" = ($2::timestamptz AT TIME ZONE 'UTC'), "lastUsedIp" = $3,
             "lastUsedProtocol" = $4::"Protocol" WHERE "id" = $1`,
          [id, use.at.toISOString(), use.ip, use.protocol],
        );
      }
    } catch (error) {
      for (const [id, use] of uses) if (!this.appPasswordUses.has(id)) this.appPasswordUses.set(id, use);
      throw error;
    }
  }
}

/** The successful logins of known users among written aggregates (refusal floods are aggregates too). */
function writtenSuccesses(aggregates: readonly LoginAttemptAggregate[]): WrittenMailSuccess[] {
  return aggregates.flatMap(({ record, firstAt }) =>
    record.result === 'ALLOW' && record.userId && record.protocol && record.clientIp
      ? [{ userId: record.userId, protocol: record.protocol, clientIp: record.clientIp, firstAt }]
      : [],
  );
}
