import { Injectable } from '@nestjs/common';
import { AuthErrors } from '@mailgate/contracts';
import { AppError } from '../infrastructure/common/http/app-error.js';
import type { RequestMeta } from '../infrastructure/common/http/request-meta.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { AttemptLimiter } from '../infrastructure/rate-limit/attempt-limiter.js';
import { AuthLimits } from './auth-limits.js';
import { PasswordHasher } from './password-hasher.js';
import { SessionService } from './session.service.js';
import { SESSION_POLICY, type AuthenticatedSession } from './session.types.js';
import { TotpCodes } from './totp-codes.js';
import { PasskeyAssertions } from './passkeys/passkey-assertions.js';
import type { PasskeyAuthenticationResponse } from '@mailgate/contracts';

export type StepUpProof = { password: string } | { totpCode: string } | { passkey: PasskeyAuthenticationResponse };

/**
 * Re-authentication before sensitive actions. With a strong factor on (TOTP or a passkey) only that
 * factor will do: a phished password alone must not be enough to switch 2FA off or open mail
 * access. A code is consumed like a sign-in code and a passkey challenge is single-use (no replay).
 */
@Injectable()
export class StepUpService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly sessions: SessionService,
    private readonly limiter: AttemptLimiter,
    private readonly hasher: PasswordHasher,
    private readonly totpCodes: TotpCodes,
    private readonly passkeys: PasskeyAssertions,
  ) {}

  async confirm(
    session: AuthenticatedSession,
    proof: StepUpProof,
    meta: RequestMeta,
    now = new Date(),
    requestOrigin?: string,
  ): Promise<{ stepUpValidUntil: Date }> {
    // Counted before the check, so parallel guesses cannot all get through (see AttemptLimiter).
    const attempt = await this.limiter.reserve(AuthLimits.reauthentication(session.userId, meta.ip), now.getTime());
    const user = await this.prisma.user.findUniqueOrThrow({
      where: { id: session.userId },
      select: { passwordHash: true, totpEnabledAt: true, passkeysEnabledAt: true },
    });
    const refusal = wrongKindOfProof(proof, user.totpEnabledAt !== null, user.passkeysEnabledAt !== null);
    if (refusal) {
      // The wrong kind of proof was never checked: not a failed guess.
      await attempt.notCounted();
      throw new AppError(refusal);
    }
    let ok: boolean;
    if ('password' in proof) ok = await this.hasher.verify(user.passwordHash, proof.password);
    else if ('totpCode' in proof) ok = await this.totpCodes.consume(session.userId, proof.totpCode, now);
    else {
      // Throws PASSKEY_CHALLENGE_INVALID / PASSKEY_NOT_ACCEPTED, keeping the reserved attempt.
      await this.passkeys.verify({
        response: proof.passkey,
        binding: `session:${session.sessionId}`,
        expectedUserId: session.userId,
        requestOrigin,
        meta,
        now,
      });
      ok = true;
    }
    // A failure keeps its reserved attempt: that is what counts it.
    if (!ok) throw new AppError(AuthErrors.STEP_UP_FAILED);
    await attempt.succeeded();
    await this.sessions.recordStepUp(session.sessionId, now, { withPasskey: 'passkey' in proof });
    return { stepUpValidUntil: new Date(now.getTime() + SESSION_POLICY.stepUpValidityMs) };
  }
}

/**
 * Which proofs an account accepts: the password only while no strong factor is on; a TOTP code
 * while TOTP is on; a passkey while the account has one. Null when `proof` is acceptable.
 */
function wrongKindOfProof(proof: StepUpProof, totp: boolean, passkeys: boolean) {
  const strongFactorRequired = totp ? AuthErrors.STEP_UP_TOTP_REQUIRED : AuthErrors.STEP_UP_PASSKEY_REQUIRED;
  if ('password' in proof) return totp || passkeys ? strongFactorRequired : null;
  if ('totpCode' in proof)
    return totp ? null : passkeys ? AuthErrors.STEP_UP_PASSKEY_REQUIRED : AuthErrors.STEP_UP_PASSWORD_REQUIRED;
  return passkeys ? null : totp ? AuthErrors.STEP_UP_TOTP_REQUIRED : AuthErrors.STEP_UP_PASSWORD_REQUIRED;
}
