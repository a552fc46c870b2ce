import { Injectable } from '@nestjs/common';
import { AccountEventsService } from '../account-events/account-events.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../audit/audit.types.js';
import type { RequestMeta } from '../common/http/request-meta.js';
import { PrismaService } from '../database/prisma.service.js';
import { SecurityNoticesService } from '../notices/security-notices.service.js';
import { GlobalSettingsService, type GlobalSettings } from '../settings/global-settings.service.js';

// Interim implementation written by the admin branch (OWNERSHIP.md: portal owns this file and its
// version replaces this one at merge). Same signatures; behaviour kept minimal but correct.

export type MailProtocol = 'IMAP' | 'POP3' | 'SMTP';

/** Times are ISO 8601 strings, as in the portal's contract (`ZProtocolAccess`). */
export interface ProtocolAccessView {
  readonly protocol: MailProtocol;
  readonly enabled: boolean;
  readonly effectiveEnabled: boolean;
  readonly enabledAt: string | null;
  readonly enabledUntil: string | null;
  /** POP3 only (null for IMAP and SMTP). */
  readonly pop3KeepCopy: boolean | null;
  /** No row yet: the global default applies. */
  readonly isDefault: boolean;
}

const PROTOCOLS: readonly MailProtocol[] = ['IMAP', 'POP3', 'SMTP'];

@Injectable()
export class ProtocolAccessService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly notices: SecurityNoticesService,
    private readonly accountEvents: AccountEventsService,
    private readonly settings: GlobalSettingsService,
  ) {}

  async list(userId: string, now = new Date()): Promise<ProtocolAccessView[]> {
    const [rows, settings] = await Promise.all([
      this.prisma.protocolAccess.findMany({ where: { userId } }),
      this.settings.get(),
    ]);
    return PROTOCOLS.map((protocol) =>
      toView(protocol, rows.find((row) => row.protocol === protocol) ?? null, settings, now),
    );
  }

  async setAccess(input: {
    actor: Actor;
    userId: string;
    protocol: MailProtocol;
    enabled: boolean;
    enabledUntil?: Date | null;
    pop3KeepCopy?: boolean;
    reason?: string | null;
    meta: RequestMeta | null;
  }): Promise<ProtocolAccessView> {
    const now = new Date();
    const settings = await this.settings.get();
    const { view, securityVersion } = await this.prisma.$transaction(async (tx) => {
      const current = await tx.protocolAccess.findUnique({
        where: { userId_protocol: { userId: input.userId, protocol: input.protocol } },
      });
      const before = toView(input.protocol, current, settings, now);
      const enabledUntil = input.enabled ? (input.enabledUntil ?? null) : null;
      const pop3KeepCopy = input.pop3KeepCopy ?? current?.pop3KeepCopy ?? true;
      const row = await tx.protocolAccess.upsert({
        where: { userId_protocol: { userId: input.userId, protocol: input.protocol } },
        create: {
          userId: input.userId,
          protocol: input.protocol,
          enabled: input.enabled,
          enabledAt: input.enabled ? now : null,
          enabledUntil,
          pop3KeepCopy,
        },
        update: {
          enabled: input.enabled,
          enabledAt: input.enabled ? (current?.enabled ? current.enabledAt : now) : null,
          enabledUntil,
          pop3KeepCopy,
        },
      });
      const after = toView(input.protocol, row, settings, now);
      await this.audit.record(tx, {
        actor: input.actor,
        targetUserId: input.userId,
        action: input.enabled ? 'protocol_access.enabled' : 'protocol_access.disabled',
        before,
        after,
        reason: input.reason ?? null,
        meta: input.meta,
      });
      await this.notices.create(tx, {
        userId: input.userId,
        kind: input.enabled ? 'PROTOCOL_ENABLED' : 'PROTOCOL_DISABLED',
        params: { protocol: input.protocol, until: enabledUntil?.toISOString() ?? null },
        byStaff: input.actor.userId !== input.userId,
        reason: input.reason ?? null,
      });
      return { view: after, securityVersion: await this.accountEvents.bumpSecurityVersion(tx, input.userId) };
    });
    await this.accountEvents.publish({ userId: input.userId, kind: 'protocol-access', securityVersion });
    return view;
  }
}

function toView(
  protocol: MailProtocol,
  row: { enabled: boolean; enabledAt: Date | null; enabledUntil: Date | null; pop3KeepCopy: boolean } | null,
  settings: GlobalSettings,
  now: Date,
): ProtocolAccessView {
  const enabled = row?.enabled ?? DEFAULTS[protocol](settings);
  const enabledUntil = row?.enabledUntil ?? null;
  return {
    protocol,
    enabled,
    effectiveEnabled: enabled && (enabledUntil === null || enabledUntil > now),
    enabledAt: row?.enabledAt?.toISOString() ?? null,
    enabledUntil: enabledUntil?.toISOString() ?? null,
    pop3KeepCopy: protocol === 'POP3' ? (row?.pop3KeepCopy ?? true) : null,
    isDefault: row === null,
  };
}

const DEFAULTS: Record<MailProtocol, (settings: GlobalSettings) => boolean> = {
  IMAP: (settings) => settings.defaultImapEnabled,
  POP3: (settings) => settings.defaultPop3Enabled,
  SMTP: (settings) => settings.defaultSmtpEnabled,
};
