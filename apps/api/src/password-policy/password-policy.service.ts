import { Injectable } from '@nestjs/common';
import { PasswordErrors, type PasswordRules } from '@mailgate/contracts';
import {
  DEFAULT_PASSWORD_POLICY,
  evaluatePasswordAsync,
  type PasswordContext,
  type PasswordPolicySettings,
} from '@mailgate/password-policy';
import { AppError } from '../infrastructure/common/http/app-error.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';

export type CurrentPasswordPolicy = PasswordPolicySettings & { readonly version: number };

/** What a strength meter needs of the policy (the portal's and the reset page's alike). */
export function passwordRulesOf(policy: CurrentPasswordPolicy): PasswordRules {
  const { minLength, maxLength, minScore, blocklistEnabled, contextWords } = policy;
  return { minLength, maxLength, minScore, blocklistEnabled, contextWords: [...contextWords] };
}

/** Admins' edits reach every instance within this time without any cross-instance signal. */
const CACHE_TTL_MS = 30_000;

/**
 * The password policy in force: the highest version in `password_policies`. Versions are never
 * edited in place (admins add a new one), so the old rules stay readable for the audit trail.
 */
@Injectable()
export class PasswordPolicyService {
  private cached: { value: CurrentPasswordPolicy; expiresAt: number } | null = null;

  constructor(private readonly prisma: PrismaService) {}

  async current(now = Date.now()): Promise<CurrentPasswordPolicy> {
    if (this.cached && this.cached.expiresAt > now) return this.cached.value;
    const value = await this.load();
    this.cached = { value, expiresAt: now + CACHE_TTL_MS };
    return value;
  }

  /**
   * Refuses a new password that breaks the policy in force (the same evaluator as the SPA's meter),
   * naming every broken rule in `problems` with the first as the code. Every way of setting a
   * password goes through here: the user's own change and a reset link from support alike.
   * Returns the policy it was checked against (its version goes into the audit trail).
   */
  async assertAcceptable(newPassword: string, context: PasswordContext): Promise<CurrentPasswordPolicy> {
    const policy = await this.current();
    const evaluation = await evaluatePasswordAsync(newPassword, policy, context);
    const [firstProblem] = evaluation.problems;
    if (firstProblem) throw new AppError(PasswordErrors[firstProblem], { problems: evaluation.problems });
    return policy;
  }

  /** Forget the cached policy (call after saving a new version on this instance). */
  invalidate(): void {
    this.cached = null;
  }

  private async load(): Promise<CurrentPasswordPolicy> {
    let row = await this.prisma.passwordPolicy.findFirst({ orderBy: { version: 'desc' } });
    if (!row) {
      // First use of a fresh database: store the defaults as version 1. Two instances starting
      // together may both try; the primary key makes one of them a no-op.
      await this.prisma.passwordPolicy.createMany({
        data: [
          {
            version: 1,
            minLength: DEFAULT_PASSWORD_POLICY.minLength,
            maxLength: DEFAULT_PASSWORD_POLICY.maxLength,
            minScore: DEFAULT_PASSWORD_POLICY.minScore,
            blocklistEnabled: DEFAULT_PASSWORD_POLICY.blocklistEnabled,
            contextWords: [...DEFAULT_PASSWORD_POLICY.contextWords],
          },
        ],
        skipDuplicates: true,
      });
      row = await this.prisma.passwordPolicy.findFirstOrThrow({ orderBy: { version: 'desc' } });
    }
    return Object.freeze({
      version: row.version,
      minLength: row.minLength,
      maxLength: row.maxLength,
      minScore: row.minScore,
      blocklistEnabled: row.blocklistEnabled,
      contextWords: Object.freeze([...row.contextWords]),
    });
  }
}
