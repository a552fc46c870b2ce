import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../infrastructure/common/clock/clock.js';
import { APP_CONFIG, type AppConfig } from '../infrastructure/config/config.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { MailOutboxService } from './mail-outbox.service.js';
import { MailTransport } from './mail-transport.js';

const BATCH = 20;
const MAX_BACKOFF_MS = 60 * 60_000;

type SenderConfig = Pick<
  AppConfig,
  'MAIL_OUTBOX_INTERVAL_MS' | 'MAIL_OUTBOX_MAX_ATTEMPTS' | 'MAIL_OUTBOX_RETRY_BASE_MS' | 'SMTP_TIMEOUT_MS'
>;

/** Wait after the n-th failed attempt: base, 2×base, 4×base… capped at an hour. */
export function retryDelayMs(baseMs: number, attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * Delivers the outbox. Every instance polls; each mail is claimed by exactly one of them: a short
 * transaction takes due rows with `FOR UPDATE SKIP LOCKED` (an instance never waits for another)
 * and moves their `nextAttemptAt` past the send's deadline (a lease), so after it commits no
 * other instance sees them as due while this one talks to the relay. A sent mail is marked SENT and
 * its bodies erased; a failure is retried with doubling backoff and marked FAILED (shown to staff)
 * after MAIL_OUTBOX_MAX_ATTEMPTS. If an instance dies between the relay's "250 OK" and marking the
 * row, the lease runs out and the mail is sent again: at least once, never lost.
 */
@Injectable()
export class OutboxSenderJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxSender');
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(APP_CONFIG) private readonly config: SenderConfig,
    private readonly prisma: PrismaService,
    private readonly outbox: MailOutboxService,
    private readonly transport: MailTransport,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.MAIL_OUTBOX_INTERVAL_MS === 0) return;
    if (this.transport.destination === 'none') {
      this.logger.warn('SMTP_URL is not set: mails wait in the outbox until a relay is configured');
    }
    this.schedule(Math.floor(Math.random() * this.config.MAIL_OUTBOX_INTERVAL_MS));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Sends what is due; returns how many this instance delivered. */
  async runOnce(): Promise<number> {
    let sent = 0;
    for (;;) {
      const claimed = await this.claim();
      for (const row of claimed) if (await this.deliver(row)) sent += 1;
      if (claimed.length < BATCH || this.stopped) return sent;
    }
  }

  private async claim() {
    const now = this.clock.now();
    const leaseUntil = new Date(now.getTime() + 3 * this.config.SMTP_TIMEOUT_MS + 5_000);
    return this.prisma.$transaction(async (tx) => {
      const due = await tx.$queryRaw<{ id: bigint }[]>`
        SELECT id FROM outbox_mails
        WHERE status = 'PENDING' AND "nextAttemptAt" <= ${now}
        ORDER BY id LIMIT ${BATCH}
        FOR UPDATE SKIP LOCKED`;
      if (due.length === 0) return [];
      const ids = due.map((row) => row.id);
      await tx.outboxMail.updateMany({
        where: { id: { in: ids } },
        data: { nextAttemptAt: leaseUntil, attempts: { increment: 1 } },
      });
      return tx.outboxMail.findMany({ where: { id: { in: ids } }, orderBy: { id: 'asc' } });
    });
  }

  private async deliver(row: {
    id: bigint;
    toAddress: string;
    subject: string;
    textBody: string;
    htmlBody: string;
    attempts: number;
  }): Promise<boolean> {
    try {
      const body = this.outbox.open(row);
      await this.transport.send({ id: String(row.id), to: row.toAddress, subject: row.subject, ...body });
    } catch (error) {
      const now = this.clock.now();
      const giveUp = row.attempts >= this.config.MAIL_OUTBOX_MAX_ATTEMPTS;
      // The relay's own words (e.g. "connect ECONNREFUSED"), never the body.
      const lastError = (error as Error).message.slice(0, 300);
      await this.prisma.outboxMail.update({
        where: { id: row.id },
        data: giveUp
          ? { status: 'FAILED', lastError }
          : {
              lastError,
              nextAttemptAt: new Date(
                now.getTime() + retryDelayMs(this.config.MAIL_OUTBOX_RETRY_BASE_MS, row.attempts),
              ),
            },
      });
      this.logger.warn({ mailId: String(row.id), attempts: row.attempts, giveUp, err: lastError }, 'mail not sent');
      return false;
    }
    await this.prisma.outboxMail.update({
      where: { id: row.id },
      data: { status: 'SENT', sentAt: this.clock.now(), textBody: '', htmlBody: '', lastError: null },
    });
    return true;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce()
        .catch((error: unknown) => this.logger.error({ err: error }, 'outbox round failed'))
        .finally(() => this.schedule(this.config.MAIL_OUTBOX_INTERVAL_MS));
    }, delayMs);
    this.timer.unref();
  }
}
