import { Injectable } from '@nestjs/common';
import { AuthErrors } from '@mailgate/contracts';
import { AppError } from '../common/http/app-error.js';
import type { RequestMeta } from '../common/http/request-meta.js';
import { PrismaService } from '../database/prisma.service.js';
import { AuthLimits, AuthRateLimiter } from './auth-rate-limiter.js';
import { verifyPassword } from './password-hasher.js';
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
    private readonly limiter: AuthRateLimiter,
    private readonly totpCodes: TotpCodes,
  ) {}

  async confirm(
    session: AuthenticatedSession,
    proof: { password: string } | { totpCode: string },
    meta: RequestMeta,
    now = new Date(),
  ): Promise<{ stepUpValidUntil: Date }> {
    const limits = AuthLimits.reauthentication(session.userId, meta.ip);
    await this.limiter.assertAllowed(limits, now.getTime());
    const user = await this.prisma.user.findUniqueOrThrow({
      where: { id: session.userId },
      select: { passwordHash: true, totpEnabledAt: true },
    });
    const totpEnabled = user.totpEnabledAt !== null;
    let ok: boolean;
    if ('password' in proof) {
      if (totpEnabled) throw new AppError(AuthErrors.STEP_UP_TOTP_REQUIRED);
      ok = await verifyPassword(user.passwordHash, proof.password);
    } else {
      if (!totpEnabled) throw new AppError(AuthErrors.STEP_UP_PASSWORD_REQUIRED);
      ok = await this.totpCodes.consume(session.userId, proof.totpCode, now);
    }
    if (!ok) {
      await this.limiter.recordFailure(limits, now.getTime());
      throw new AppError(AuthErrors.STEP_UP_FAILED);
    }
    await this.sessions.recordStepUp(session.sessionId, now);
    return { stepUpValidUntil: new Date(now.getTime() + SESSION_POLICY.stepUpValidityMs) };
  }
}
