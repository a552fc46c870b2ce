import { Injectable } from '@nestjs/common';
import { AuthErrors } from '@mailgate/contracts';
import { AppError } from '../common/http/app-error.js';
import type { RequestMeta } from '../common/http/request-meta.js';
import { PrismaService } from '../database/prisma.service.js';
import { AttemptLimiter } from '../rate-limit/attempt-limiter.js';
import { AuthLimits } from './auth-limits.js';
import { PasswordHasher } from './password-hasher.js';
import { SessionService } from './session.service.js';
import { SESSION_POLICY, type AuthenticatedSession } from './session.types.js';
import { TotpCodes } from './totp-codes.js';

/**
 * Re-authentication before sensitive actions. With 2FA on only a code will do: a phished password
 * alone must not be enough to switch 2FA off or open mail access. The code is consumed like a
 * sign-in code (no replay).
 */
@Injectable()
export class StepUpService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly sessions: SessionService,
    private readonly limiter: AttemptLimiter,
    private readonly hasher: PasswordHasher,
    private readonly totpCodes: TotpCodes,
  ) {}

  async confirm(
    session: AuthenticatedSession,
    proof: { password: string } | { totpCode: string },
    meta: RequestMeta,
    now = new Date(),
  ): Promise<{ stepUpValidUntil: Date }> {
    // Counted before the check, so parallel guesses cannot all get through (see AttemptLimiter).
    const attempt = await this.limiter.reserve(AuthLimits.reauthentication(session.userId, meta.ip), now.getTime());
    const user = await this.prisma.user.findUniqueOrThrow({
      where: { id: session.userId },
      select: { passwordHash: true, totpEnabledAt: true },
    });
    const totpEnabled = user.totpEnabledAt !== null;
    const passwordGiven = 'password' in proof;
    if (passwordGiven === totpEnabled) {
      // The wrong kind of proof was never checked: not a failed guess.
      await attempt.notCounted();
      throw new AppError(totpEnabled ? AuthErrors.STEP_UP_TOTP_REQUIRED : AuthErrors.STEP_UP_PASSWORD_REQUIRED);
    }
    const ok =
      'password' in proof
        ? await this.hasher.verify(user.passwordHash, proof.password)
        : await this.totpCodes.consume(session.userId, proof.totpCode, now);
    // A failure keeps its reserved attempt: that is what counts it.
    if (!ok) throw new AppError(AuthErrors.STEP_UP_FAILED);
    await attempt.succeeded();
    await this.sessions.recordStepUp(session.sessionId, now);
    return { stepUpValidUntil: new Date(now.getTime() + SESSION_POLICY.stepUpValidityMs) };
  }
}
