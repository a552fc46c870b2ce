import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { GlobalSettings } from '../generated/prisma/client.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../audit/audit.types.js';
import type { RequestMeta } from '../infrastructure/common/http/request-meta.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { ClusterEventsService } from '../infrastructure/cluster-events/cluster-events.service.js';

export type { GlobalSettings };

/** The editable fields (everything but the row's bookkeeping). */
export type GlobalSettingsChange = Omit<GlobalSettings, 'id' | 'updatedAt' | 'updatedById'>;

/**
 * How long one instance reuses what it read. Mail logins read the settings constantly, so they
 * must not cost a query each. Saves are pushed to every instance (cluster events), so this only
 * bounds how long a change written behind the service's back (plain SQL) stays unseen.
 */
export const GLOBAL_SETTINGS_CACHE_MS = 5_000;

/**
 * The single global-settings row (id 1): protocol defaults for new accounts, TLS requirement,
 * main password in mail programs, retention. A fresh database gets the schema's defaults on
 * first read, so no seed is needed. Admins change it through `update`, which is audited and
 * announced, so the very next mail decision on any instance applies the new values.
 */
@Injectable()
export class GlobalSettingsService implements OnModuleInit {
  private cached: { value: GlobalSettings; expiresAt: number } | null = null;
  private inFlight: Promise<GlobalSettings> | null = null;

  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly clusterEvents: ClusterEventsService,
  ) {}

  onModuleInit(): void {
    this.clusterEvents.subscribe('settings-changed', () => this.invalidate());
    // A save announced while the channel was down may have been missed.
    this.clusterEvents.onReconnect(() => this.invalidate());
  }

  async get(now = Date.now()): Promise<GlobalSettings> {
    // The copy is trusted only while this instance hears every save (as mail-auth's caches are).
    if (this.cached && this.cached.expiresAt > now && this.clusterEvents.isListening()) return this.cached.value;
    // Concurrent callers share one query instead of stampeding the database when the copy expires.
    if (!this.inFlight) {
      const loading = this.load().then((value) => {
        // Only cache if nobody invalidated meanwhile (an update would otherwise be hidden by an old read).
        if (this.inFlight === loading) this.cached = { value, expiresAt: Date.now() + GLOBAL_SETTINGS_CACHE_MS };
        return value;
      });
      this.inFlight = loading;
      void loading
        .finally(() => {
          if (this.inFlight === loading) this.inFlight = null;
        })
        .catch(() => undefined);
    }
    return this.inFlight;
  }

  /** Saves all editable settings at once, audited in the same transaction; returns the saved row. */
  async update(input: {
    actor: Actor;
    // staffPasskeyRequired may be left out by older clients: the saved value stays.
    settings: Omit<GlobalSettingsChange, 'staffPasskeyRequired'> & { staffPasskeyRequired?: boolean | undefined };
    reason: string;
    meta: RequestMeta | null;
  }): Promise<GlobalSettings> {
    const saved = await this.prisma.$transaction(async (tx) => {
      // Serialise saves (the row may not exist yet, so a row lock is not enough): two admins saving
      // at once produce two correct before/after records, one after the other.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('mailgate:global-settings'))`;
      await tx.globalSettings.createMany({ data: [{ id: 1 }], skipDuplicates: true });
      const before = await tx.globalSettings.findUniqueOrThrow({ where: { id: 1 } });
      const after = await tx.globalSettings.update({
        where: { id: 1 },
        data: { ...input.settings, updatedById: input.actor.userId },
      });
      await this.audit.record(tx, {
        actor: input.actor,
        action: 'settings.updated',
        before: editable(before),
        after: editable(after),
        reason: input.reason,
        meta: input.meta,
      });
      return after;
    });
    this.invalidate();
    // Other instances drop their copies when they hear this; one that cannot hear trusts no copy.
    await this.clusterEvents.publish('settings-changed', {});
    return saved;
  }

  /** Drops this instance's copy; the next `get` reads the database. */
  invalidate(): void {
    this.cached = null;
    this.inFlight = null;
  }

  private async load(): Promise<GlobalSettings> {
    const row = await this.prisma.globalSettings.findUnique({ where: { id: 1 } });
    if (row) return row;
    // ON CONFLICT DO NOTHING: concurrent first reads cannot fail, and saved values are never overwritten.
    await this.prisma.globalSettings.createMany({ data: [{ id: 1 }], skipDuplicates: true });
    return this.prisma.globalSettings.findUniqueOrThrow({ where: { id: 1 } });
  }
}

export function editable(settings: GlobalSettings): GlobalSettingsChange {
  return {
    defaultImapEnabled: settings.defaultImapEnabled,
    defaultPop3Enabled: settings.defaultPop3Enabled,
    defaultSmtpEnabled: settings.defaultSmtpEnabled,
    requireTlsForProtocols: settings.requireTlsForProtocols,
    allowMainPasswordWithout2fa: settings.allowMainPasswordWithout2fa,
    loginAttemptRetentionDays: settings.loginAttemptRetentionDays,
    auditRetentionDays: settings.auditRetentionDays,
    staffPasskeyRequired: settings.staffPasskeyRequired,
  };
}
