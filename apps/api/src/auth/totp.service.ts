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
// version — enrollment, verification, recovery codes — replaces this one at merge). Only
// `disable`, which the admin panel calls, with the owner's signature.
@Injectable()
export class TotpService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly notices: SecurityNoticesService,
    private readonly accountEvents: AccountEventsService,
  ) {}

  async disable(input: {
    actor: Actor;
    userId: string;
    reason?: string | null;
    meta: RequestMeta | null;
  }): Promise<void> {
    const securityVersion = await this.prisma.$transaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { id: input.userId }, select: { totpEnabledAt: true } });
      if (!user) throw new AppError(AdminErrors.USER_NOT_FOUND);
      if (!user.totpEnabledAt) throw new AppError(AdminErrors.NO_CHANGE);
      const recovery = await tx.recoveryCode.deleteMany({ where: { userId: input.userId } });
      await tx.user.update({
        where: { id: input.userId },
        data: { totpSecretEncrypted: null, totpEnabledAt: null, totpLastStep: null },
      });
      await this.audit.record(tx, {
        actor: input.actor,
        targetUserId: input.userId,
        action: 'totp.disabled',
        before: { enabled: true, enabledAt: user.totpEnabledAt },
        after: { enabled: false, recoveryCodesDeleted: recovery.count },
        reason: input.reason ?? null,
        meta: input.meta,
      });
      await this.notices.create(tx, {
        userId: input.userId,
        kind: 'TOTP_DISABLED',
        byStaff: input.actor.userId !== input.userId,
        reason: input.reason ?? null,
      });
      return this.accountEvents.bumpSecurityVersion(tx, input.userId);
    });
    await this.accountEvents.publish({ userId: input.userId, kind: 'totp', securityVersion });
  }
}
