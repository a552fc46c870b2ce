import { Injectable } from '@nestjs/common';
import { verify } from 'otplib';
import { SecretKeyring } from '../infrastructure/common/crypto/secret-keyring.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';

/** ±1 step of 30 s: the code shown just before or after this one still counts (clock drift, typing). */
const TOLERANCE_SECONDS = 30;

/**
 * Checks TOTP codes against a user's stored seed, each code at most once: the accepted time step
 * is written with a conditional update (only if it is newer than the last one), so two requests
 * racing with the same code cannot both win, and an observed code cannot be replayed.
 */
@Injectable()
export class TotpCodes {
  constructor(
    private readonly prisma: PrismaService,
    private readonly keyring: SecretKeyring,
  ) {}

  /** Verifies a code against a base32 secret; the matched time step, or null. No replay check. */
  static async matchStep(secret: string, code: string, now: Date): Promise<number | null> {
    const result = await verify({
      secret,
      token: code,
      epoch: Math.floor(now.getTime() / 1000),
      epochTolerance: TOLERANCE_SECONDS,
    });
    // The functional API's result type also covers HOTP, which has no time step.
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  }

  /** True when the code is right for the user's enabled 2FA and was not used before. */
  async consume(userId: string, code: string, now = new Date()): Promise<boolean> {
    const user = await this.prisma.user.findUnique({
      where: { id: userId },
      select: { totpSecretEncrypted: true, totpEnabledAt: true, totpLastStep: true },
    });
    if (!user?.totpSecretEncrypted || !user.totpEnabledAt) return false;
    const step = await TotpCodes.matchStep(this.keyring.decrypt('totp-seed', user.totpSecretEncrypted), code, now);
    if (step === null) return false;
    if (user.totpLastStep !== null && BigInt(step) <= user.totpLastStep) return false;
    const claimed = await this.prisma.user.updateMany({
      where: {
        id: userId,
        totpEnabledAt: { not: null },
        OR: [{ totpLastStep: null }, { totpLastStep: { lt: BigInt(step) } }],
      },
      data: { totpLastStep: BigInt(step) },
    });
    return claimed.count === 1;
  }
}
