import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Protocol } from '@mailgate/contracts';
import { SecurityChangeService } from '../account-events/security-change.service.js';
import { AuditService } from '../audit/audit.service.js';
import { SYSTEM_ACTOR } from '../audit/audit.types.js';
import { Clock } from '../infrastructure/common/clock/clock.js';
import { APP_CONFIG, type AppConfig } from '../infrastructure/config/config.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { SecurityNoticesService } from '../notices/security-notices.service.js';

const BATCH = 100;

/**
 * Makes a time limit ("IMAP for 7 days") reach Dovecot when it runs out. Decisions never depend
 * on this job: they compare `enabledUntil` with the clock. What only the job does is tell the
 * user and close what is still open: Dovecot's cached allows and idling sessions of that protocol.
 *
 * Every instance polls; each expiry is handled exactly once across them, as a security change
 * (`SecurityChangeService.runUnlessBusy`: the user-row lock every protocol-access change takes,
 * without waiting): the row is re-read and `expiryHandledAt` set in the transaction that writes
 * the audit event and the notice. A row another instance holds is left to it (or to the next round).
 */
@Injectable()
export class ProtocolExpiryJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ProtocolExpiry');
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly notices: SecurityNoticesService,
    private readonly securityChange: SecurityChangeService,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.PROTOCOL_EXPIRY_INTERVAL_MS === 0) return;
    // A random first delay so that instances started together do not poll in step.
    this.schedule(Math.floor(Math.random() * this.config.PROTOCOL_EXPIRY_INTERVAL_MS));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Handles every expiry that is due; returns how many this instance handled. */
  async runOnce(): Promise<number> {
    const now = this.clock.now();
    let handled = 0;
    for (;;) {
      const due = await this.prisma.protocolAccess.findMany({
        where: { enabled: true, enabledUntil: { lte: now }, expiryHandledAt: null },
        select: { userId: true, protocol: true },
        orderBy: { enabledUntil: 'asc' },
        take: BATCH,
      });
      let progressed = 0;
      for (const row of due) if (await this.handle(row.userId, row.protocol, now)) progressed += 1;
      handled += progressed;
      // A full batch of rows held elsewhere would repeat forever; the next round retries them.
      if (due.length < BATCH || progressed === 0 || this.stopped) return handled;
    }
  }

  private async handle(userId: string, protocol: Protocol, now: Date): Promise<boolean> {
    const handled = await this.securityChange.runUnlessBusy(userId, 'protocol-access', async (tx, change) => {
      const row = await tx.protocolAccess.findUnique({ where: { userId_protocol: { userId, protocol } } });
      // Changed or handled since the scan (by the user, or by another instance): nothing to do.
      if (!row?.enabled || !row.enabledUntil || row.enabledUntil > now || row.expiryHandledAt) {
        change.unchanged();
        return false;
      }
      await tx.protocolAccess.update({
        where: { userId_protocol: { userId, protocol } },
        data: { expiryHandledAt: now },
      });
      await this.audit.record(tx, {
        actor: SYSTEM_ACTOR,
        targetUserId: userId,
        action: 'protocol_access.expired',
        before: { protocol, enabled: true, enabledUntil: row.enabledUntil },
        after: { protocol, effectiveEnabled: false },
      });
      await this.notices.create(tx, {
        userId,
        kind: 'PROTOCOL_ACCESS_EXPIRED',
        params: { protocol, enabledUntil: row.enabledUntil.toISOString() },
      });
      // As for a user's own change: caches dropped everywhere, Dovecot flushed and the user's
      // sessions of this protocol only closed.
      change.endsAccess([protocol]);
      return true;
    });
    return handled === true;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce()
        .then((handled) => {
          if (handled > 0) this.logger.log({ handled }, 'time-limited protocol access ended');
        })
        .catch((error: unknown) => this.logger.warn({ err: error }, 'protocol expiry round failed'))
        .finally(() => this.schedule(this.config.PROTOCOL_EXPIRY_INTERVAL_MS));
    }, delayMs);
    this.timer.unref();
  }
}
