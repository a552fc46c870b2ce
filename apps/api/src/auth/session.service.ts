import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { SecretKeyring } from '../infrastructure/common/crypto/secret-keyring.js';
import type { RequestMeta } from '../infrastructure/common/http/request-meta.js';
import { SESSION_POLICY, type AuthenticatedSession } from './session.types.js';
import { stepUpValidUntil } from './step-up-window.js';

export interface IssuedSession {
  readonly sessionId: string;
  /** Goes into the cookie only; the database keeps its keyed hash. */
  readonly token: string;
  readonly expiresAt: Date;
}

/**
 * Server-side sessions. The token is 256 random bits; the database stores only its HMAC, so a
 * leaked database backup holds no usable session. Every sign-in issues a new session (no
 * fixation), and `now` is injectable so timeouts are testable without waiting.
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly keyring: SecretKeyring,
  ) {}

  async issue(
    userId: string,
    meta: RequestMeta,
    options: { steppedUp?: boolean; withPasskey?: boolean; now?: Date } = {},
  ): Promise<IssuedSession> {
    const now = options.now ?? new Date();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + SESSION_POLICY.absoluteTimeoutMs);
    const session = await this.prisma.session.create({
      data: {
        userId,
        tokenHash: this.keyring.hash('session', token),
        createdAt: now,
        lastSeenAt: now,
        expiresAt,
        ip: meta.ip,
        userAgent: meta.userAgent,
        // Signing in with the password (and TOTP) is itself a fresh confirmation.
        lastStepUpAt: options.steppedUp === false ? null : now,
        passkeyVerifiedAt: options.withPasskey ? now : null,
      },
    });
    return { sessionId: session.id, token, expiresAt };
  }

  /** The live session for a cookie token, or null when unknown, revoked, idle or expired. */
  async resolve(token: string, now = new Date()): Promise<AuthenticatedSession | null> {
    const session = await this.prisma.session.findFirst({
      where: { tokenHash: { in: this.keyring.candidateHashes('session', token) } },
      include: {
        user: { select: { email: true, role: true, totpEnabledAt: true, passkeysEnabledAt: true, disabledAt: true } },
      },
    });
    if (!session || session.revokedAt || session.user.disabledAt) return null;
    const idleFor = now.getTime() - session.lastSeenAt.getTime();
    if (session.expiresAt <= now || idleFor > SESSION_POLICY.idleTimeoutMs) return null;
    if (idleFor > SESSION_POLICY.touchIntervalMs) {
      await this.prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
    }
    return {
      sessionId: session.id,
      userId: session.userId,
      email: session.user.email,
      role: session.user.role,
      totpEnabled: session.user.totpEnabledAt !== null,
      totpEnabledAt: session.user.totpEnabledAt,
      passkeysEnabledAt: session.user.passkeysEnabledAt,
      lastStepUpAt: session.lastStepUpAt,
      passkeyVerifiedAt: session.passkeyVerifiedAt,
      createdAt: session.createdAt,
    };
  }

  async recordStepUp(sessionId: string, now = new Date(), options: { withPasskey?: boolean } = {}): Promise<void> {
    await this.prisma.session.update({
      where: { id: sessionId },
      data: { lastStepUpAt: now, ...(options.withPasskey ? { passkeyVerifiedAt: now } : {}) },
    });
  }

  async revoke(sessionId: string, now = new Date()): Promise<void> {
    await this.prisma.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
  }

  /** Signs the user out everywhere except (optionally) the current session; returns how many ended. */
  async revokeAllForUser(userId: string, options: { exceptSessionId?: string; now?: Date } = {}): Promise<number> {
    const result = await this.prisma.session.updateMany({
      where: {
        userId,
        revokedAt: null,
        ...(options.exceptSessionId ? { id: { not: options.exceptSessionId } } : {}),
      },
      data: { revokedAt: options.now ?? new Date() },
    });
    return result.count;
  }

  static isSteppedUp(
    session: Pick<AuthenticatedSession, 'lastStepUpAt' | 'totpEnabledAt' | 'passkeysEnabledAt'>,
    now = new Date(),
  ): boolean {
    return stepUpValidUntil(session.lastStepUpAt, session, now) !== null;
  }
}
