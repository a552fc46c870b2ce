import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleDestroy } from '@nestjs/common';
import { isIP } from 'node:net';
import pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { MailgateMetrics } from '../metrics/mailgate-metrics.js';
import { samplePool } from '../metrics/pool-sampler.js';
import type { Protocol } from '../generated/prisma/enums.js';
import type { LoginAttemptRecord } from './login-attempts.types.js';
import { sanitiseForStorage } from './sanitise.js';

const FLUSH_INTERVAL_MS = 250;
const FLUSH_BATCH = 500;
/** While the database is away, keep at most this many attempts (the oldest go first). */
const MAX_BUFFERED = 100_000;
const APP_PASSWORD_USE_THROTTLE_MS = 60_000;
const SHUTDOWN_ATTEMPTS = 5;

interface AppPasswordUse {
  at: Date;
  ip: string;
  protocol: Protocol;
}

/**
 * Writes login attempts (and app passwords' last use) in batches, off the response path: a
 * decision never waits for its own record. Flushed every 250 ms or 500 rows, and on shutdown,
 * so a graceful stop loses nothing. If the database is away, rows wait (bounded) and are retried.
 * It has its own small connection pool: a batch is one plain statement (cheaper than through the
 * ORM at thousands of rows a second), and its lifetime is tied to this recorder's final flush.
 */
@Injectable()
export class LoginAttemptRecorder implements OnModuleDestroy, OnApplicationShutdown {
  private readonly logger = new Logger('LoginAttempts');
  private buffer: LoginAttemptRecord[] = [];
  private readonly appPasswordUses = new Map<string, AppPasswordUse>();
  private readonly appPasswordWrittenAt = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private dropped = 0;
  private readonly pool: pg.Pool;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly metrics: MailgateMetrics,
  ) {
    this.pool = new pg.Pool({ connectionString: config.DATABASE_URL, max: 1, idleTimeoutMillis: 30_000 });
    // An idle connection dropped by the server must not crash the process; the next flush reconnects.
    this.pool.on('error', (error) => this.logger.warn({ err: error.message }, 'attempt writer connection lost'));
    samplePool(metrics, 'attempts', this.pool);
    metrics.addSampler(() => metrics.attemptQueueDepth.set(this.pending()));
  }

  record(attempt: LoginAttemptRecord): void {
    this.buffer.push(attempt);
    if (this.buffer.length > MAX_BUFFERED) {
      this.metrics.attemptsDropped.inc(this.buffer.length - MAX_BUFFERED);
      this.buffer.splice(0, this.buffer.length - MAX_BUFFERED);
      this.dropped += 1;
      if (this.dropped % 1000 === 1)
        this.logger.error({ dropped: this.dropped }, 'login attempt buffer full; dropping');
    }
    this.schedule(this.buffer.length >= FLUSH_BATCH ? 0 : FLUSH_INTERVAL_MS);
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
    while (this.flushing) await this.flushing;
    if (this.buffer.length === 0 && this.appPasswordUses.size === 0) return;
    const stopTimer = this.metrics.attemptFlushSeconds.startTimer();
    this.flushing = this.writeAll()
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

  pending(): number {
    return this.buffer.length + this.appPasswordUses.size;
  }

  private schedule(delayMs: number): void {
    if (this.timer && delayMs > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush().catch((error: unknown) => {
        this.logger.warn({ err: error, pending: this.pending() }, 'could not write login attempts; will retry');
        this.schedule(1_000);
      });
    }, delayMs);
  }

  private async writeAll(): Promise<void> {
    while (this.buffer.length > 0) {
      const batch = this.buffer.slice(0, FLUSH_BATCH * 10);
      await this.insert(batch);
      this.buffer.splice(0, batch.length);
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

  private async insert(batch: readonly LoginAttemptRecord[]): Promise<void> {
    const column = <T>(pick: (row: LoginAttemptRecord) => T): T[] => batch.map(pick);
    // One statement per batch through unnest(): 11 parameters whatever the batch size. The user
    // id is joined against users so an account deleted meanwhile cannot fail the batch.
    await this.pool.query(
      `INSERT INTO "login_attempts"
         ("userId", "loginAsTyped", "protocol", "clientIp", "secured", "result", "reasonCode",
          "credential", "appPasswordId", "serviceTokenId", "createdAt")
       SELECT u."id", t.login, t.protocol::"Protocol", t.client_ip, t.secured, t.result::"LoginResult", t.reason,
              t.credential::"CredentialKind", t.app_password_id, t.service_token_id,
              (t.created_at::timestamptz AT TIME ZONE 'UTC')
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::text[], $7::text[],
                   $8::text[], $9::uuid[], $10::uuid[], $11::text[])
         AS t(user_id, login, protocol, client_ip, secured, result, reason, credential, app_password_id,
              service_token_id, created_at)
       LEFT JOIN "users" u ON u."id" = t.user_id`,
      [
        column((row) => row.userId),
        column((row) => sanitiseForStorage(row.loginAsTyped)),
        column((row) => row.protocol),
        column((row) => (row.clientIp && isIP(row.clientIp) ? row.clientIp : null)),
        column((row) => row.secured),
        column((row) => row.result),
        column((row) => sanitiseForStorage(row.reasonCode, 64)),
        column((row) => row.credential),
        column((row) => row.appPasswordId),
        column((row) => row.serviceTokenId),
        column((row) => row.createdAt.toISOString()),
      ],
    );
  }
}
