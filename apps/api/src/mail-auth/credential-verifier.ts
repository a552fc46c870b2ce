import { randomBytes } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { looksLikeAppPassword, normaliseAppPassword } from '@mailgate/contracts';
import { APP_CONFIG, type AppConfig } from '../infrastructure/config/config.js';
import { SecretKeyring } from '../infrastructure/common/crypto/secret-keyring.js';
import { MailgateMetrics } from '../infrastructure/metrics/mailgate-metrics.js';
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
    private readonly metrics: MailgateMetrics,
  ) {
    this.verified = new LruCache(config.MAIL_AUTH_CREDENTIAL_CACHE_SIZE);
  }

  async onModuleInit(): Promise<void> {
    this.dummyHash = await hashPassword(randomBytes(24).toString('base64url'));
  }

  /**
   * A valid app password of this user, or null: a keyed hash and a lookup, no argon2id. Checked
   * before any brute-force lock, since no lock is needed against guessing a 120-bit secret.
   */
  matchAppPassword(user: UserDecisionState | null, password: string): CredentialCheck | null {
    // Only secrets of the portal's app password shape are hashed and looked up as app passwords.
    const appSecret = normaliseAppPassword(password);
    if (!user || user.appPasswords.length === 0 || !looksLikeAppPassword(appSecret)) return null;
    const candidates = this.keyring.candidateHashes('app-password', appSecret);
    const appPassword = user.appPasswords.find((candidate) => candidates.includes(candidate.secretHash));
    return appPassword ? { valid: true, kind: 'app-password', appPassword } : null;
  }

  /**
   * The main password (argon2id; a dummy hash for an unknown login, so both cost the same).
   * `password` must already be NFKC-normalised. `useCache` is false while invalidations may be missed.
   */
  async verifyMainPassword(
    user: UserDecisionState | null,
    password: string,
    protocol: Protocol,
    now: Date,
    useCache: boolean,
  ): Promise<CredentialCheck> {
    const mayBeAppPassword = looksLikeAppPassword(normaliseAppPassword(password));
    if (!user) {
      await this.argon2.run(() => this.verifyHash(this.dummyHash, password));
      return { valid: false, reason: 'USER_UNKNOWN' };
    }
    const cacheKey = this.keyring
      .mac('credential-cache', `${user.userId}\u0000${protocol}\u0000${password}`)
      .toString('base64url');
    const cached = useCache ? this.verified.get(cacheKey) : undefined;
    const hit =
      cached !== undefined &&
      cached.userId === user.userId &&
      cached.securityVersion === user.securityVersion &&
      cached.expiresAt > now.getTime();
    this.metrics.mailCacheLookups.inc({ cache: 'credential', result: useCache ? (hit ? 'hit' : 'miss') : 'bypass' });
    if (hit) return { valid: true, kind: 'password' };
    const inflightKey = `${cacheKey}/${user.securityVersion}`;
    let verification = this.inflight.get(inflightKey);
    if (!verification) {
      verification = this.argon2
        .run(() => this.verifyHash(user.passwordHash, password))
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

  /** The one place a mail login reaches argon2id (tests count its calls to prove the limits). */
  verifyHash(hash: string, password: string): Promise<boolean> {
    return verifyPassword(hash, password);
  }

  /** Forgets every verified password (invalidation channel was down: a change may have been missed). */
  clear(): void {
    this.verified.clear();
  }

  get cachedEntries(): number {
    return this.verified.size;
  }
}
