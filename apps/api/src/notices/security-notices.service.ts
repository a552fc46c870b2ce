import { Injectable } from '@nestjs/common';
import type { SecurityNoticeKind } from '@mailgate/contracts';
import type { Actor } from '../audit/audit.types.js';
import type { Prisma } from '../generated/prisma/client.js';
import { isMailedNotice } from './security-mail.rules.js';
import { SecurityMailService } from './security-mail.service.js';

/**
 * Kept in the notice's params (never shown: AccountNoticesService strips it): the user's own web
 * session that made the change. That session saw it happen, so the notice is hidden there and shown
 * in the user's other sessions and devices, where it may be news.
 */
export const ACTING_SESSION_PARAM = 'actingSessionId';

export interface SecurityNoticeInput {
  readonly userId: string;
  /** A stable code from the contract's catalogue, which the SPA translates. */
  readonly kind: SecurityNoticeKind;
  readonly params?: Record<string, string | number | boolean | null>;
  /** Set when staff made the change; the user then sees that, with the reason. */
  readonly byStaff?: boolean;
  readonly reason?: string | null;
  /** Who made the change; omitted for the system's own notices (locks, expiries). */
  readonly actor?: Actor;
}

/**
 * Creates the notices shown at the top of the user's portal until read. Like audit events they
 * are written in the caller's transaction, together with the change they announce; so is the
 * security mail for the kinds in security-mail.rules.ts (an outbox row, sent after commit).
 *
 * The rule: a notice is for what the user may not know. Changes by staff, by the system (locks,
 * refused guessing) and by the user's other sessions show; the user's own change shows everywhere
 * but in the session that made it (that session has it in Activity, from the audit log).
 */
@Injectable()
export class SecurityNoticesService {
  constructor(private readonly mail: SecurityMailService) {}

  async create(tx: Prisma.TransactionClient, notice: SecurityNoticeInput): Promise<void> {
    const ownSession = notice.actor?.userId === notice.userId && notice.actor.sessionId ? notice.actor.sessionId : null;
    await tx.securityNotice.create({
      data: {
        userId: notice.userId,
        kind: notice.kind,
        params: { ...notice.params, ...(ownSession ? { [ACTING_SESSION_PARAM]: ownSession } : {}) },
        byStaff: notice.byStaff ?? false,
        reason: notice.reason ?? null,
      },
    });
    if (isMailedNotice(notice)) await this.mail.enqueue(tx, notice);
  }
}
