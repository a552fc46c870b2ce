import { Injectable } from '@nestjs/common';
import {
  KEEP_CURRENT_LIMIT,
  PROTOCOLS,
  ProtocolAccessErrors,
  type Protocol,
  type ProtocolAccessView,
  type SecurityNoticeKind,
} from '@mailgate/contracts';
import { SecurityChangeService } from '../account-events/security-change.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../audit/audit.types.js';
import { AppError } from '../infrastructure/common/http/app-error.js';
import type { RequestMeta } from '../infrastructure/common/http/request-meta.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { SecurityNoticesService } from '../notices/security-notices.service.js';
import { GlobalSettingsService } from '../settings/global-settings.service.js';
import { toProtocolAccessView, type ProtocolAccessRow } from './protocol-access.view.js';

export type { ProtocolAccessView };

export interface SetProtocolAccessInput {
  readonly actor: Actor;
  readonly userId: string;
  readonly protocol: Protocol;
  readonly enabled: boolean;
  /**
   * Null or omitted: on until turned off. `keep`: the limit in force stays (refused with
   * NO_LIMIT_TO_KEEP unless the protocol is on). Ignored when turning off.
   */
  readonly enabledUntil?: Date | null | typeof KEEP_CURRENT_LIMIT;
  /** POP3 only. Omitted: keep the previous choice. */
  readonly pop3KeepCopy?: boolean;
  readonly reason?: string | null;
  readonly meta: RequestMeta | null;
  /** Injectable clock for tests. */
  readonly now?: Date;
}

/**
 * A user's IMAP, POP3 and SMTP access. Every change is audited, announced to the user with a
 * notice, and bumps `securityVersion` in one transaction; after commit it is published so that
 * mail-auth drops cached decisions (and kicks open sessions when access ends).
 */

const NOTICE_FOR_CHANGE = {
  enabled: 'PROTOCOL_ENABLED',
  disabled: 'PROTOCOL_DISABLED',
  updated: 'PROTOCOL_SETTINGS_CHANGED',
} as const satisfies Record<string, SecurityNoticeKind>;
@Injectable()
export class ProtocolAccessService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly settings: GlobalSettingsService,
    private readonly audit: AuditService,
    private readonly notices: SecurityNoticesService,
    private readonly securityChange: SecurityChangeService,
  ) {}

  async list(userId: string, now: Date = new Date()): Promise<ProtocolAccessView[]> {
    const [rows, settings] = await Promise.all([
      this.prisma.protocolAccess.findMany({ where: { userId } }),
      this.settings.get(),
    ]);
    return PROTOCOLS.map((protocol) =>
      toProtocolAccessView(protocol, rows.find((row) => row.protocol === protocol) ?? null, settings, now),
    );
  }

  async setAccess(input: SetProtocolAccessInput): Promise<ProtocolAccessView> {
    const now = input.now ?? new Date();
    if (input.pop3KeepCopy !== undefined && input.protocol !== 'POP3') {
      throw new AppError(ProtocolAccessErrors.POP3_KEEP_COPY_ONLY_FOR_POP3);
    }
    const settings = await this.settings.get();

    return this.securityChange.run(input.userId, 'protocol-access', async (tx, change) => {
      const row = await tx.protocolAccess.findUnique({
        where: { userId_protocol: { userId: input.userId, protocol: input.protocol } },
      });
      const before = toProtocolAccessView(input.protocol, row, settings, now);
      const next = nextRow(input, row, before, now);
      if (!changes(row, before, next)) {
        change.unchanged();
        return before;
      }

      // Any change starts the expiry job's bookkeeping afresh (a new limit is handled when it ends).
      const saved = await tx.protocolAccess.upsert({
        where: { userId_protocol: { userId: input.userId, protocol: input.protocol } },
        create: { userId: input.userId, ...next },
        update: { ...next, expiryHandledAt: null },
      });
      const after = toProtocolAccessView(input.protocol, saved, settings, now);
      const kind = !next.enabled ? 'disabled' : before.effectiveEnabled ? 'updated' : 'enabled';
      await this.audit.record(tx, {
        actor: input.actor,
        targetUserId: input.userId,
        action: `protocol_access.${kind}`,
        before,
        after,
        reason: input.reason ?? null,
        meta: input.meta,
      });
      await this.notices.create(tx, {
        userId: input.userId,
        kind: NOTICE_FOR_CHANGE[kind],
        params: {
          protocol: input.protocol,
          enabledUntil: after.enabledUntil,
          ...(input.protocol === 'POP3' ? { pop3KeepCopy: after.pop3KeepCopy } : {}),
        },
        byStaff: input.actor.userId !== input.userId,
        actor: input.actor,
        reason: input.reason ?? null,
      });
      // Only access that was usable and no longer is closes sessions: turning on closes nothing.
      change.endsAccess(before.effectiveEnabled && !after.effectiveEnabled ? [input.protocol] : []);
      return after;
    });
  }
}

function nextRow(
  input: SetProtocolAccessInput,
  row: ProtocolAccessRow | null,
  before: ProtocolAccessView,
  now: Date,
): Omit<ProtocolAccessRow, 'protocol'> & { protocol: Protocol } {
  const pop3KeepCopy = input.pop3KeepCopy ?? row?.pop3KeepCopy ?? true;
  if (!input.enabled) {
    return { protocol: input.protocol, enabled: false, enabledAt: null, enabledUntil: null, pop3KeepCopy };
  }
  return {
    protocol: input.protocol,
    enabled: true,
    // Re-confirming access that is on keeps its start; turning it on (again) starts now.
    enabledAt: before.effectiveEnabled && row?.enabledAt ? row.enabledAt : now,
    enabledUntil: input.enabledUntil === KEEP_CURRENT_LIMIT ? limitInForce(row, before) : (input.enabledUntil ?? null),
    pop3KeepCopy,
  };
}

/** The end of access that is on now, for a change that keeps it; nothing to keep when it is off. */
function limitInForce(row: ProtocolAccessRow | null, before: ProtocolAccessView): Date | null {
  if (!before.effectiveEnabled) throw new AppError(ProtocolAccessErrors.NO_LIMIT_TO_KEEP);
  return row?.enabledUntil ?? null;
}

/** Whether the request changes anything; re-sending the current state writes nothing and notifies no one. */
function changes(row: ProtocolAccessRow | null, before: ProtocolAccessView, next: ProtocolAccessRow): boolean {
  // No row yet: an explicit "on" is stored (so a later change of the global default does not
  // switch it), as is anything that differs from the default.
  if (row === null) return next.enabled || before.enabled || !next.pop3KeepCopy;
  return (
    row.enabled !== next.enabled ||
    (row.enabledUntil?.getTime() ?? null) !== (next.enabledUntil?.getTime() ?? null) ||
    row.pop3KeepCopy !== next.pop3KeepCopy ||
    (next.enabled && !before.effectiveEnabled)
  );
}
