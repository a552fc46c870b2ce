import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { lockUserRow } from '../account-events/security-change.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { RequestMeta } from '../infrastructure/common/http/request-meta.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { SecurityNoticesService } from '../notices/security-notices.service.js';
import { ResetLinkIssuer } from './reset-link-issuer.js';

/**
 * "Forgot password" from the sign-in page. The answer never depends on the address: the
 * controller answers 204 before any lookup, and the work (find the account, mail a link to its
 * confirmed recovery address) runs after it, so neither the body nor the timing can tell a known
 * address from an unknown one. Nothing is sent to an address typed here: only to the recovery
 * address the owner confirmed earlier. Requests are rate limited (RecoveryLimits.forgotPassword).
 */
@Injectable()
export class ForgotPasswordService implements OnApplicationShutdown {
  private readonly logger = new Logger('ForgotPassword');
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly prisma: PrismaService,
    private readonly issuer: ResetLinkIssuer,
    private readonly audit: AuditService,
    private readonly notices: SecurityNoticesService,
  ) {}

  /** Starts the work and returns at once; failures are logged, never answered. */
  start(email: string, meta: RequestMeta): void {
    const work: Promise<void> = this.sendLinkIfPossible(email, meta)
      .then(() => undefined)
      .catch((error: unknown) => this.logger.error({ err: error }, 'forgot-password request failed'))
      .finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
  }

  /** Waits for requests still being handled (graceful stop, tests). */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.settled();
  }

  async sendLinkIfPossible(email: string, meta: RequestMeta, now = new Date()): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const found = await tx.user.findUnique({ where: { email }, select: { id: true } });
      if (!found) return false;
      await lockUserRow(tx, found.id);
      const user = await tx.user.findUniqueOrThrow({
        where: { id: found.id },
        select: {
          id: true,
          email: true,
          locale: true,
          role: true,
          securityVersion: true,
          disabledAt: true,
          recoveryAddress: { select: { email: true } },
        },
      });
      const sendTo = user.recoveryAddress?.email;
      if (!sendTo || user.disabledAt) return false;
      const issued = await this.issuer.issue(tx, {
        target: user,
        origin: 'SELF',
        issuedById: null,
        reason: null,
        sendTo,
        now,
      });
      await this.audit.record(tx, {
        actor: { userId: null, role: 'SYSTEM' },
        targetUserId: user.id,
        action: 'password_reset.requested',
        before: { unusedLinks: issued.voided },
        after: { linkId: issued.linkId, expiresAt: issued.expiresAt },
        meta,
      });
      await this.notices.create(tx, { userId: user.id, kind: 'PASSWORD_RESET_REQUESTED' });
      return true;
    });
  }
}
