import { Injectable } from '@nestjs/common';
import { normalisePassword, PasswordErrors, type ChangePasswordResponse } from '@mailgate/contracts';
import { SecurityChangeService } from '../account-events/security-change.service.js';
import { AppPasswordsService } from '../app-passwords/app-passwords.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../audit/audit.types.js';
import { AppError } from '../infrastructure/common/http/app-error.js';
import type { RequestMeta } from '../infrastructure/common/http/request-meta.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { SecurityNoticesService } from '../notices/security-notices.service.js';
import { PasswordPolicyService } from '../password-policy/password-policy.service.js';
import { AttemptLimiter } from '../infrastructure/rate-limit/attempt-limiter.js';
import { AuthLimits } from './auth-limits.js';
import { PasswordHasher } from './password-hasher.js';

export interface ChangePasswordInput {
  readonly actor: Actor;
  readonly userId: string;
  /** Kept signed in when other sessions are signed out. */
  readonly currentSessionId: string;
  readonly currentPassword: string;
  readonly newPassword: string;
  readonly signOutOtherSessions: boolean;
  readonly revokeAppPasswords: boolean;
  readonly meta: RequestMeta;
  readonly now?: Date;
}

/**
 * Password change: the current password, the policy from the database (the same evaluator as the
 * SPA's meter), argon2id, and — in one transaction — the new hash, the optional sign-out of other
 * sessions and revocation of app passwords, their audit events, a notice and a securityVersion bump.
 */
@Injectable()
export class PasswordChangeService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly policies: PasswordPolicyService,
    private readonly limiter: AttemptLimiter,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly notices: SecurityNoticesService,
    private readonly securityChange: SecurityChangeService,
    private readonly appPasswords: AppPasswordsService,
  ) {}

  async change(input: ChangePasswordInput): Promise<ChangePasswordResponse> {
    const now = input.now ?? new Date();
    // Counted before the slow verify, so parallel guesses cannot all get through (see AttemptLimiter).
    const attempt = await this.limiter.reserve(AuthLimits.reauthentication(input.userId, input.meta.ip), now.getTime());
    const user = await this.prisma.user.findUniqueOrThrow({
      where: { id: input.userId },
      select: { email: true, displayName: true, passwordHash: true },
    });
    // A wrong current password keeps its reserved attempt: that is what counts it.
    if (!(await this.hasher.verify(user.passwordHash, input.currentPassword))) {
      throw new AppError(PasswordErrors.CURRENT_PASSWORD_WRONG);
    }
    await attempt.succeeded();
    if (normalisePassword(input.newPassword) === normalisePassword(input.currentPassword)) {
      throw new AppError(PasswordErrors.PASSWORD_UNCHANGED);
    }
    const policy = await this.policies.assertAcceptable(input.newPassword, {
      email: user.email,
      displayName: user.displayName,
    });

    const passwordHash = await this.hasher.hash(input.newPassword);
    return this.securityChange.run(input.userId, 'password', async (tx) => {
      // Conditional on the hash we verified: a concurrent change wins once, not twice.
      const updated = await tx.user.updateMany({
        where: { id: input.userId, passwordHash: user.passwordHash },
        data: { passwordHash, passwordChangedAt: now },
      });
      if (updated.count === 0) throw new AppError(PasswordErrors.CURRENT_PASSWORD_WRONG);

      const signedOutSessions = input.signOutOtherSessions
        ? (
            await tx.session.updateMany({
              where: { userId: input.userId, revokedAt: null, id: { not: input.currentSessionId } },
              data: { revokedAt: now },
            })
          ).count
        : 0;

      const revokedAppPasswords = input.revokeAppPasswords
        ? (await this.appPasswords.revokeAllIn(tx, { ...input, reason: 'password change', now })).length
        : 0;

      await this.audit.record(tx, {
        actor: input.actor,
        targetUserId: input.userId,
        action: 'password.changed',
        after: { policyVersion: policy.version, signedOutSessions, revokedAppPasswords },
        meta: input.meta,
      });
      await this.notices.create(tx, {
        userId: input.userId,
        kind: 'PASSWORD_CHANGED',
        params: { signedOutSessions, revokedAppPasswords },
        byStaff: input.actor.userId !== input.userId,
        actor: input.actor,
      });
      return { signedOutSessions, revokedAppPasswords };
    });
  }
}
