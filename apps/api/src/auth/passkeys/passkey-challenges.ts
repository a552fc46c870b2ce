import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PasskeyErrors } from '@mailgate/contracts';
import { AppError } from '../../infrastructure/common/http/app-error.js';
import { PrismaService } from '../../infrastructure/database/prisma.service.js';

/** How long a user has to answer the authenticator's prompt. */
export const PASSKEY_CHALLENGE_MS = 2 * 60_000;

export type ChallengePurpose = 'registration' | 'authentication';

/**
 * What a challenge is bound to: the session it was issued to (registration, step-up), the pending
 * password sign-in (second factor), or the browser's short-lived passkey cookie (sign-in with a
 * passkey alone). A response is accepted only for the same binding.
 */
export type ChallengeBinding = `session:${string}` | `pending:${string}` | `browser:${string}`;

/**
 * WebAuthn challenges, kept server-side in PostgreSQL so any API instance can finish a ceremony
 * another one started. Single use: consuming is one conditional DELETE, so of two requests racing
 * with the same challenge exactly one wins, and a replayed response finds nothing.
 */
@Injectable()
export class PasskeyChallenges {
  constructor(private readonly prisma: PrismaService) {}

  async issue(purpose: ChallengePurpose, binding: ChallengeBinding, now = new Date()): Promise<string> {
    // Expired rows are worthless; clearing them here keeps the table at the size of the last minutes.
    await this.prisma.passkeyChallenge.deleteMany({ where: { expiresAt: { lte: now } } });
    const challenge = randomBytes(32).toString('base64url');
    await this.prisma.passkeyChallenge.create({
      data: { challenge, purpose, binding, expiresAt: new Date(now.getTime() + PASSKEY_CHALLENGE_MS) },
    });
    return challenge;
  }

  /**
   * Takes the challenge the response signed (from its clientDataJSON) and spends it, or throws
   * PASSKEY_CHALLENGE_INVALID when it is unknown, expired, already used or bound elsewhere.
   */
  async consume(
    clientDataJSON: string,
    purpose: ChallengePurpose,
    binding: ChallengeBinding,
    now = new Date(),
  ): Promise<string> {
    const challenge = challengeOf(clientDataJSON);
    if (!challenge) throw new AppError(PasskeyErrors.PASSKEY_CHALLENGE_INVALID);
    const spent = await this.prisma.passkeyChallenge.deleteMany({
      where: { challenge, purpose, binding, expiresAt: { gt: now } },
    });
    if (spent.count !== 1) throw new AppError(PasskeyErrors.PASSKEY_CHALLENGE_INVALID);
    return challenge;
  }
}

/** The challenge inside a response's clientDataJSON, or null when it is not readable. */
function challengeOf(clientDataJSON: string): string | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8'));
    const challenge = (parsed as { challenge?: unknown } | null)?.challenge;
    return typeof challenge === 'string' && challenge.length > 0 && challenge.length <= 256 ? challenge : null;
  } catch {
    return null;
  }
}
