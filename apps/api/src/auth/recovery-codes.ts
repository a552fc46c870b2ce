import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { SecretKeyring } from '../infrastructure/common/crypto/secret-keyring.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import type { Prisma } from '../generated/prisma/client.js';

export const RECOVERY_CODE_COUNT = 10;
/** Crockford's base32: no I, L, O or U, so nothing reads as another symbol. 32 symbols = 5 bits each. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 12; // 60 bits from the CSPRNG

/** As printed: `ABCD-EFGH-JKMN`. */
function generateCode(): string {
  const symbols = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return symbols.match(/.{4}/g)!.join('-');
}

/** As stored and compared: upper case, without dashes or spaces (the contract strips them too). */
export function normaliseRecoveryCode(code: string): string {
  return code.replace(/[\s-]+/g, '').toUpperCase();
}

/**
 * One-time recovery codes, stored as HMAC-SHA-256 under a server key rather than argon2: each has
 * 60 random bits, so a stolen table without the key cannot be searched at all, and with it 2^60
 * guesses are still out of reach; a keyed hash also allows a direct indexed lookup instead of ten
 * slow argon2 comparisons per attempt (OWASP ASVS allows keyed hashes for high-entropy secrets).
 * Online guessing is bounded by the second-factor rate limit.
 */
@Injectable()
export class RecoveryCodes {
  constructor(
    private readonly prisma: PrismaService,
    private readonly keyring: SecretKeyring,
  ) {}

  /** Replaces all of the user's codes inside the caller's transaction; returns the new ones once. */
  async replaceAll(tx: Prisma.TransactionClient, userId: string, now: Date): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateCode);
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.recoveryCode.createMany({
      data: codes.map((code) => ({
        userId,
        codeHash: this.keyring.hash('recovery-code', normaliseRecoveryCode(code)),
        createdAt: now,
      })),
    });
    return codes;
  }

  /** Marks a matching unused code as used; true when one was (atomically) consumed. */
  async consume(userId: string, code: string, now = new Date()): Promise<boolean> {
    const normalised = normaliseRecoveryCode(code);
    const match = await this.prisma.recoveryCode.findFirst({
      where: { userId, usedAt: null, codeHash: { in: this.keyring.candidateHashes('recovery-code', normalised) } },
      select: { id: true },
    });
    if (!match) return false;
    const used = await this.prisma.recoveryCode.updateMany({
      where: { id: match.id, usedAt: null },
      data: { usedAt: now },
    });
    return used.count === 1;
  }

  async remaining(userId: string): Promise<number> {
    return this.prisma.recoveryCode.count({ where: { userId, usedAt: null } });
  }
}
