import { randomBytes } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { looksLikeAppPassword, normaliseAppPassword } from '@mailgate/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { SecretKeyring } from '../common/crypto/secret-keyring.js';
import { hashPassword, verifyPassword } from '../auth/password-hasher.js';
import type { Protocol } from '../generated/prisma/enums.js';
import type { CredentialCheck } from './decision-rules.js';
import { ConcurrencyLimiter, defaultArgon2Concurrency } from './concurrency-limiter.js';
import { LruCache } from './lru-cache.js';
import type { UserDecisionState } from './user-decision-state.js';

interface VerifiedPassword {
  readonly userId: string;
  readonly securityVersion: number;
  readonly expiresAt: number;
}

/** A verified password is trusted at most this long, even if nothing about the user changes. */
const VERIFIED_PASSWORD_TTL_MS = 12 * 3_600_000;

/**
 * Checks a secret against a user's app passwords (keyed hash: fast) and main password
 * (argon2id: slow on purpose). An unknown login is verified against a dummy argon2id hash, so
 * it costs the same time as a wrong password. Verified main passwords are remembered in a
 * bounded LRU keyed by an HMAC of user, protocol and secret, valid only for the securityVersion
 * they were verified under: repeat logins skip argon2id, and any security change voids them.
 */
@Injectable()
export class CredentialVerifier implements OnModuleInit {
  private dummyHash = '';
  private readonly verified: LruCache<string, VerifiedPassword>;
  /** Mail clients open several connections at once: one argon2id run serves them all. */
  private readonly inflight = new Map<string, Promise<boolean>>();
  private readonly argon2 = new ConcurrencyLimiter(defaultArgon2Concurrency());

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly keyring: SecretKeyring,
  ) {
    this.verified = new LruCache(config.MAIL_AUTH_CREDENTIAL_CACHE_SIZE);
  }

  async onModuleInit(): Promise<void> {
    this.dummyHash = await hashPassword(randomBytes(24).toString('base64url'));
  }

  /** `password` must already be NFKC-normalised. `useCache` is false while invalidations may be missed. */
  async verify(
    user: UserDecisionState | null,
    password: string,
    protocol: Protocol,
    now: Date,
    useCache: boolean,
  ): Promise<CredentialCheck> {
    // Only secrets of the portal's app password shape are hashed and looked up as app passwords.
    const appSecret = normaliseAppPassword(password);
    const mayBeAppPassword = looksLikeAppPassword(appSecret);
    if (user && mayBeAppPassword && user.appPasswords.length > 0) {
      const candidates = this.keyring.candidateHashes('app-password', appSecret);
      const appPassword = user.appPasswords.find((candidate) => candidates.includes(candidate.secretHash));
      if (appPassword) return { valid: true, kind: 'app-password', appPassword };
    }
    if (!user) {
      await this.argon2.run(() => verifyPassword(this.dummyHash, password));
      return { valid: false, reason: 'USER_UNKNOWN' };
    }
    const cacheKey = this.keyring
      .mac('credential-cache', `${user.userId}\u0000${protocol}\u0000${password}`)
      .toString('base64url');
    const cached = useCache ? this.verified.get(cacheKey) : undefined;
    if (
      cached &&
      cached.userId === user.userId &&
      cached.securityVersion === user.securityVersion &&
      cached.expiresAt > now.getTime()
    ) {
      return { valid: true, kind: 'password' };
    }
    const inflightKey = `${cacheKey}/${user.securityVersion}`;
    let verification = this.inflight.get(inflightKey);
    if (!verification) {
      verification = this.argon2
        .run(() => verifyPassword(user.passwordHash, password))
        .finally(() => this.inflight.delete(inflightKey));
      this.inflight.set(inflightKey, verification);
    }
    if (await verification) {
      if (useCache) {
        this.verified.set(cacheKey, {
          userId: user.userId,
          securityVersion: user.securityVersion,
          expiresAt: now.getTime() + VERIFIED_PASSWORD_TTL_MS,
        });
      }
      return { valid: true, kind: 'password' };
    }
    return { valid: false, reason: mayBeAppPassword ? 'APP_PASSWORD_WRONG' : 'PASSWORD_WRONG' };
  }

  /** Forgets every verified password (invalidation channel was down: a change may have been missed). */
  clear(): void {
    this.verified.clear();
  }

  /** The dummy hash, for the benchmark's raw argon2id baseline (same parameters as real hashes). */
  get benchmarkHash(): string {
    return this.dummyHash;
  }

  get cachedEntries(): number {
    return this.verified.size;
  }
}
