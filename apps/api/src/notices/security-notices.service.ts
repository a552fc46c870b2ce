import { Injectable } from '@nestjs/common';
import type { SecurityNoticeKind } from '@mailgate/contracts';
import type { Prisma } from '../generated/prisma/client.js';
import { isMailedNotice } from './security-mail.rules.js';
import { SecurityMailService } from './security-mail.service.js';

export interface SecurityNoticeInput {
  readonly userId: string;
  /** A stable code from the contract's catalogue, which the SPA translates. */
  readonly kind: SecurityNoticeKind;
  readonly params?: Record<string, string | number | boolean | null>;
  /** Set when staff made the change; the user then sees that, with the reason. */
  readonly byStaff?: boolean;
  readonly reason?: string | null;
}

/**
 * Creates the notices shown at the top of the user's portal until read. Like audit events they
 * are written in the caller's transaction, together with the change they announce; so is the
 * security mail for the kinds in security-mail.rules.ts (an outbox row, sent after commit).
 */
@Injectable()
export class SecurityNoticesService {
  constructor(private readonly mail: SecurityMailService) {}

  async create(tx: Prisma.TransactionClient, notice: SecurityNoticeInput): Promise<void> {
    await tx.securityNotice.create({
      data: {
        userId: notice.userId,
        kind: notice.kind,
        params: notice.params ?? {},
        byStaff: notice.byStaff ?? false,
        reason: notice.reason ?? null,
      },
    });
    if (isMailedNotice(notice)) await this.mail.enqueue(tx, notice);
  }
}
