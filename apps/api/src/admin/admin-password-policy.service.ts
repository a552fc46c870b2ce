import { Injectable } from '@nestjs/common';
import { type PasswordPolicyView, type UpdatePasswordPolicyRequest } from '@mailgate/contracts';
import { AuditService } from '../audit/audit.service.js';
import type { AuthenticatedSession } from '../auth/session.types.js';
import type { RequestMeta } from '../infrastructure/common/http/request-meta.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { PasswordPolicyService } from '../password-policy/password-policy.service.js';
import { actorOf } from '../audit/audit.types.js';

/**
 * The password-policy editor. A save adds a new version (old ones stay for the audit trail); it
 * applies to the next password change and never locks anyone out: existing passwords keep working.
 */
@Injectable()
export class AdminPasswordPolicyService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly policy: PasswordPolicyService,
  ) {}

  /** The version in force, read fresh (the panel must not show a cached copy after a save). */
  async current(): Promise<PasswordPolicyView> {
    return toView(await this.latestVersion());
  }

  async update(input: {
    session: AuthenticatedSession;
    change: UpdatePasswordPolicyRequest;
    meta: RequestMeta;
  }): Promise<PasswordPolicyView> {
    const { reason, ...settings } = input.change;
    // The first save still records the defaults it replaces, as version 1.
    await this.latestVersion();
    const contextWords = [...new Set(settings.contextWords.map((word) => word.normalize('NFKC').toLowerCase()))];
    const saved = await this.prisma.$transaction(async (tx) => {
      // Versions are numbered without gaps; the lock keeps two concurrent saves from colliding.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('mailgate:password-policy'))`;
      const previous = await tx.passwordPolicy.findFirstOrThrow({ orderBy: { version: 'desc' } });
      const row = await tx.passwordPolicy.create({
        data: { ...settings, contextWords, version: previous.version + 1, createdById: input.session.userId },
      });
      await this.audit.record(tx, {
        actor: actorOf(input.session),
        action: 'password_policy.updated',
        before: settingsOf(previous),
        after: settingsOf(row),
        reason,
        meta: input.meta,
      });
      return row;
    });
    this.policy.invalidate();
    return toView(saved);
  }

  private async latestVersion(): Promise<PolicyRow> {
    const row = await this.prisma.passwordPolicy.findFirst({ orderBy: { version: 'desc' } });
    if (row) return row;
    // A fresh database: the policy service stores the defaults as version 1 on first use.
    await this.policy.current();
    return this.prisma.passwordPolicy.findFirstOrThrow({ orderBy: { version: 'desc' } });
  }
}

interface PolicyRow {
  version: number;
  minLength: number;
  maxLength: number;
  minScore: number;
  blocklistEnabled: boolean;
  contextWords: string[];
  createdAt: Date;
}

function settingsOf(row: PolicyRow) {
  return {
    version: row.version,
    minLength: row.minLength,
    maxLength: row.maxLength,
    minScore: row.minScore,
    blocklistEnabled: row.blocklistEnabled,
    contextWords: row.contextWords,
  };
}

function toView(row: PolicyRow): PasswordPolicyView {
  return { ...settingsOf(row), createdAt: row.createdAt.toISOString() };
}
