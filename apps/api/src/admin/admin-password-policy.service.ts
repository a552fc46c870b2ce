import { Injectable } from '@nestjs/common';
import { type PasswordPolicyView, type UpdatePasswordPolicyRequest } from '@mailgate/contracts';
import { DEFAULT_PASSWORD_POLICY } from '@mailgate/password-policy';
import { AuditService } from '../audit/audit.service.js';
import type { AuthenticatedSession } from '../auth/session.types.js';
import type { RequestMeta } from '../common/http/request-meta.js';
import { PrismaService } from '../database/prisma.service.js';
import { PasswordPolicyService } from '../password-policy/password-policy.service.js';
import { actorOf } from './staff-target.service.js';

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

  async current(): Promise<PasswordPolicyView> {
    const row = await this.prisma.passwordPolicy.findFirst({ orderBy: { version: 'desc' } });
    if (!row)
      return {
        ...DEFAULT_PASSWORD_POLICY,
        contextWords: [...DEFAULT_PASSWORD_POLICY.contextWords],
        version: 0,
        createdAt: null,
      };
    return toView(row);
  }

  async update(input: {
    session: AuthenticatedSession;
    change: UpdatePasswordPolicyRequest;
    meta: RequestMeta;
  }): Promise<PasswordPolicyView> {
    const { reason, ...settings } = input.change;
    const contextWords = [...new Set(settings.contextWords.map((word) => word.normalize('NFKC').toLowerCase()))];
    const saved = await this.prisma.$transaction(async (tx) => {
      // Versions are numbered without gaps; the lock keeps two concurrent saves from colliding.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('mailgate:password-policy'))`;
      const previous = await tx.passwordPolicy.findFirst({ orderBy: { version: 'desc' } });
      const before = previous ? settingsOf(previous) : { ...DEFAULT_PASSWORD_POLICY, version: 0 };
      const row = await tx.passwordPolicy.create({
        data: { ...settings, contextWords, version: (previous?.version ?? 0) + 1, createdById: input.session.userId },
      });
      await this.audit.record(tx, {
        actor: actorOf(input.session),
        action: 'password_policy.updated',
        before,
        after: settingsOf(row),
        reason,
        meta: input.meta,
      });
      return row;
    });
    this.policy.invalidate();
    return toView(saved);
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
