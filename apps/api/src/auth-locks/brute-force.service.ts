import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { CounterStore } from '../rate-limit/counter-store.js';
import { LockStore } from './lock-store.js';
import { AuthLocksService } from './auth-locks.service.js';
import {
  ACCOUNT_WINDOW_MS,
  accountLockMs,
  bruteForceKeys,
  bruteForceLimits,
  ipLockMs,
  pairLockMs,
  type BruteForceLimits,
  type LockReason,
  type ProtocolFamily,
} from './brute-force.policy.js';

/** Who is trying to log in: the normalised login (known user or not) and the client's IP key. */
export interface LoginSubject {
  readonly family: ProtocolFamily;
  readonly login: string;
  /** From clientIpKey(): IPv4 address or IPv6 /64. */
  readonly ipKey: string;
}

export interface LockCheck {
  /** Set when the attempt must be refused before its credential is even looked at. */
  readonly locked: LockReason | null;
  /** This user logged in successfully from this IP recently: exempt from IP and account locks. */
  readonly familiar: boolean;
  /** Internal bookkeeping for recordSuccess (saves a round trip). */
  readonly lastSuccessAt: number | null;
  readonly hadFailures: boolean;
}

/** Successes refresh the "familiar IP" mark at most this often (the mark lasts days). */
const SUCCESS_MARK_REFRESH_MS = 60 * 60_000;

/**
 * The brute-force defence, by outcome: a lock is "deny until T" read with one round trip on
 * every attempt (never a sleep that would tie up the mail server's auth workers). Failures are
 * counted in the shared CounterStore; unknown logins are counted exactly like known ones, so
 * locking behaviour cannot reveal whether an account exists.
 */
@Injectable()
export class BruteForceService {
  private readonly logger = new Logger('BruteForce');
  readonly limits: BruteForceLimits;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly counters: CounterStore,
    private readonly lockStore: LockStore,
    private readonly locks: AuthLocksService,
  ) {
    this.limits = bruteForceLimits(config);
  }

  async check(subject: LoginSubject, now: Date): Promise<LockCheck> {
    const keys = this.keys(subject);
    const [pairLock = null, ipLock = null, accountLock = null, lastSuccess = null, lastFailure = null] =
      await this.lockStore.getMany([
        keys.pairLock,
        keys.ipLock,
        keys.accountLock,
        keys.recentSuccess,
        keys.pairLastFailure,
      ]);
    const at = now.getTime();
    const familiar = lastSuccess !== null && at - lastSuccess < this.limits.recentSuccessMs;
    const locked: LockReason | null =
      pairLock !== null && pairLock > at
        ? 'LOCKED_USER_IP'
        : !familiar && ipLock !== null && ipLock > at
          ? 'LOCKED_IP'
          : !familiar && accountLock !== null && accountLock > at
            ? 'LOCKED_ACCOUNT'
            : null;
    return { locked, familiar, lastSuccessAt: lastSuccess, hadFailures: lastFailure !== null };
  }

  /**
   * A wrong credential (or unknown login). `userId` is known when the login names an account;
   * it is only used to keep the lock's record.
   */
  async recordFailure(
    subject: LoginSubject,
    context: { userId: string | null; familiar: boolean },
    now: Date,
  ): Promise<void> {
    const keys = this.keys(subject);
    const at = now.getTime();
    await this.lockStore.set(keys.pairLastFailure, at, this.limits.pairWindowMs);
    const [pairFailures, ipFailures, accountFailures] = await Promise.all([
      this.counters.increment(keys.pairCount, this.limits.pairWindowMs, at),
      this.counters.increment(keys.ipCount, this.limits.ipWindowMs, at),
      // Failures from IPs the user recently logged in from do not count against the account:
      // an attacker elsewhere cannot use them, and the user's own devices must keep working.
      context.familiar ? Promise.resolve(0) : this.counters.increment(keys.accountCount, ACCOUNT_WINDOW_MS, at),
    ]);
    const pairMs = pairLockMs(pairFailures, this.limits);
    if (pairMs !== null) await this.lock('USER_IP', keys.pairLock, subject, context.userId, pairFailures, now, pairMs);
    const ipMs = ipLockMs(ipFailures, this.limits);
    if (ipMs !== null) await this.lock('IP', keys.ipLock, subject, null, ipFailures, now, ipMs);
    const accountMs = accountLockMs(accountFailures, this.limits);
    if (accountMs !== null) {
      await this.lock('USER', keys.accountLock, subject, context.userId, accountFailures, now, accountMs);
      await this.counters.reset(keys.accountCount);
    }
  }

  /** A valid credential: marks the IP familiar and forgets the pair's failures. */
  async recordSuccess(subject: LoginSubject, check: LockCheck, now: Date): Promise<void> {
    const keys = this.keys(subject);
    const at = now.getTime();
    const work: Promise<unknown>[] = [];
    if (check.lastSuccessAt === null || at - check.lastSuccessAt > SUCCESS_MARK_REFRESH_MS) {
      work.push(this.lockStore.set(keys.recentSuccess, at, this.limits.recentSuccessMs));
    }
    if (check.hadFailures) {
      work.push(this.counters.reset(keys.pairCount), this.lockStore.delete([keys.pairLastFailure]));
    }
    await Promise.all(work);
  }

  private async lock(
    scope: 'USER_IP' | 'IP' | 'USER',
    key: string,
    subject: LoginSubject,
    userId: string | null,
    failures: number,
    now: Date,
    durationMs: number,
  ): Promise<void> {
    const lockedUntil = new Date(now.getTime() + durationMs);
    await this.lockStore.set(key, lockedUntil.getTime(), durationMs);
    this.logger.warn({ scope, family: subject.family, ip: subject.ipKey, failures, lockedUntil }, 'login lock set');
    await this.locks
      .recordLock(
        {
          scope,
          family: subject.family,
          userId: scope === 'IP' ? null : userId,
          clientIp: scope === 'USER' ? null : subject.ipKey,
          failures,
          lockedFrom: now,
          lockedUntil,
        },
        subject.login,
      )
      .catch((error: unknown) => this.logger.error({ err: error }, 'could not record a lock (it is in force anyway)'));
  }

  private keys(subject: LoginSubject) {
    return bruteForceKeys(subject.family, subject.login, subject.ipKey);
  }
}
