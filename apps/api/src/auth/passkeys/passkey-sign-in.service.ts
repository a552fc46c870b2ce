import { Injectable } from '@nestjs/common';
import {
  AuthErrors,
  SessionErrors,
  type Me,
  type PasskeyAuthenticationResponse,
  type PasskeyOptions,
} from '@mailgate/contracts';
import { SecretKeyring } from '../../infrastructure/common/crypto/secret-keyring.js';
import { AppError } from '../../infrastructure/common/http/app-error.js';
import type { RequestMeta } from '../../infrastructure/common/http/request-meta.js';
import { PrismaService } from '../../infrastructure/database/prisma.service.js';
import { AttemptLimiter } from '../../infrastructure/rate-limit/attempt-limiter.js';
import { CounterStore } from '../../infrastructure/rate-limit/counter-store.js';
import { AuthLimits } from '../auth-limits.js';
import { ME_SELECT } from '../me.view.js';
import { PENDING_SIGN_IN_MS, readPendingToken, type PendingSignIn } from '../pending-sign-in.js';
import { SessionService, type IssuedSession } from '../session.service.js';
import { SignInService } from '../sign-in.service.js';
import { PasskeyAssertions } from './passkey-assertions.js';
import type { ChallengeBinding } from './passkey-challenges.js';

/**
 * Signing in with a passkey: alone (a discoverable passkey with user verification is two factors,
 * so no password is asked), or as the second factor after the password instead of a TOTP code.
 * Which one is decided by the pending sign-in cookie: with a valid one, only that account's
 * passkeys count and the pending sign-in's limits and one-time use apply, exactly as for a code.
 */
@Injectable()
export class PasskeySignInService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly keyring: SecretKeyring,
    private readonly limiter: AttemptLimiter,
    private readonly counters: CounterStore,
    private readonly sessions: SessionService,
    private readonly assertions: PasskeyAssertions,
    private readonly signInService: SignInService,
  ) {}

  /** The pending sign-in a cookie holds, if it is still valid. */
  pending(pendingToken: string | undefined, now = new Date()): PendingSignIn | null {
    return pendingToken ? readPendingToken(this.keyring, pendingToken, now.getTime()) : null;
  }

  async options(
    pending: PendingSignIn | null,
    browserBinding: () => ChallengeBinding,
    meta: RequestMeta,
    now = new Date(),
  ): Promise<PasskeyOptions> {
    // Every options request stores a challenge, so all of them are counted (none is given back).
    await this.limiter.reserve(AuthLimits.passkeyOptions(meta.ip), now.getTime());
    if (pending) return this.assertions.options(`pending:${pending.nonce}`, pending.userId, now);
    return this.assertions.options(browserBinding(), null, now);
  }

  async signIn(input: {
    pending: PendingSignIn | null;
    browserBinding: ChallengeBinding | null;
    response: PasskeyAuthenticationResponse;
    requestOrigin: string | undefined;
    meta: RequestMeta;
    now?: Date;
  }): Promise<{ session: IssuedSession; me: Me }> {
    const now = input.now ?? new Date();
    const { pending } = input;
    const binding: ChallengeBinding | null = pending ? `pending:${pending.nonce}` : input.browserBinding;
    if (!binding) throw new AppError(AuthErrors.SIGN_IN_PENDING_EXPIRED);
    const limits = pending
      ? AuthLimits.secondFactor(pending.userId, input.meta.ip, pending.nonce)
      : AuthLimits.passkeySignIn(input.meta.ip);
    // Counted before the check, so parallel tries cannot exceed the limits (see AttemptLimiter).
    const attempt = await this.limiter.reserve(limits, now.getTime());
    // A failure (bad challenge, unknown passkey, bad signature) keeps its reserved attempt.
    const { userId } = await this.assertions.verify({
      response: input.response,
      binding,
      expectedUserId: pending?.userId ?? null,
      requestOrigin: input.requestOrigin,
      meta: input.meta,
      now,
    });
    const user = await this.prisma.user.findUniqueOrThrow({
      where: { id: userId },
      select: { ...ME_SELECT, disabledAt: true, securityVersion: true },
    });
    // A password or factor change since the password step voids the pending sign-in.
    if (pending && user.securityVersion !== pending.securityVersion) {
      await attempt.notCounted();
      throw new AppError(AuthErrors.SIGN_IN_PENDING_EXPIRED);
    }
    if (user.disabledAt) {
      await attempt.notCounted();
      throw new AppError(SessionErrors.ACCOUNT_DISABLED);
    }
    await attempt.succeeded();
    // Spent: the same pending cookie cannot open a second session.
    if (
      pending &&
      (await this.counters.increment(`auth:pending-used:${pending.nonce}`, PENDING_SIGN_IN_MS, now.getTime())) > 1
    ) {
      throw new AppError(AuthErrors.SIGN_IN_PENDING_EXPIRED);
    }
    const session = await this.sessions.issue(user.id, input.meta, { now, withPasskey: true });
    return { session, me: await this.signInService.meAfterSignIn(user, now, true) };
  }
}
