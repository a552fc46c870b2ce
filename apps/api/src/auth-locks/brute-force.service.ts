import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../infrastructure/config/config.js';
import { CounterStore } from '../infrastructure/rate-limit/counter-store.js';
import { MailgateMetrics } from '../infrastructure/metrics/mailgate-metrics.js';
import { LockStore } from './lock-store.js';
import { AuthLocksService } from './auth-locks.service.js';
import { FamiliarIpStore } from './familiar-ip.store.js';
import {
  ACCOUNT_WINDOW_MS,
  accountLockMs,
  bruteForceKeys,
  bruteForceLimits,
  ipLockMs,
  pairLockMs,
  type BruteForceLimits,
  type LockReason,
} from './brute-force.policy.js';
import type { ProtocolFamily } from '../generated/prisma/enums.js';

/** Who is trying to log in: the normalised login (known user or not) and the client's IP key. */
export interface LoginSubject {
  readonly family: ProtocolFamily;
  readonly login: string;
  /** From clientIpKey(): IPv4 address or IPv6 /64. */
  readonly ipKey: string;
}

/** The marks of one subject, read with one round trip (epoch ms, null when absent). */
export interface LockMarks {
  readonly pairLock: number | null;
  readonly ipLock: number | null;
  readonly accountLock: number | null;
  readonly lastSuccess: number | null;
  readonly lastFailure: number | null;
  readonly pairLockFailures: number | null;
  readonly ipLockFailures: number | null;
  readonly accountLockFailures: number | null;
}

/** The counter slots an admitted attempt holds (null: that counter was not touched). */
export interface Reservation {
  readonly pair: number | null;
  readonly ip: number | null;
  readonly account: number | null;
}

export interface Admission {
  /** Set when the attempt is refused before its credential is looked at. */
  readonly locked: LockReason | null;
  /** This user logged in (mail or web) from this IP recently: exempt from IP and account locks. */
  readonly familiar: boolean;
  readonly reservation: Reservation;
}

const NO_RESERVATION: Reservation = { pair: null, ip: null, account: null };
/** Successes refresh the "familiar IP" marks at most this often (the mark lasts days). */
const SUCCESS_MARK_REFRESH_MS = 60 * 60_000;

/**
 * The brute-force defence of main-password attempts (unknown logins and secrets that matched no
 * app password included). Attempts are *reserved* before the slow argon2id verify: every counter
 * is incremented first, and an attempt whose slot lies beyond a threshold is refused, so however
 * many arrive together at most the threshold reaches the hasher. A success gives its slots back;
 * a failure keeps them, and the one failure whose slot hit a threshold sets the lock (one lock,
 * one record). Locks are "deny until T", never a sleep. Unknown logins are counted exactly like
 * known ones, so locking cannot reveal whether an account exists. A correct app password never
 * comes here: guessing a 120-bit secret is hopeless, so no lock stands in its way.
 */
@Injectable()
export class BruteForceService {
  private readonly logger = new Logger('BruteForce');
  readonly limits: BruteForceLimits;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly counters: CounterStore,
    private readonly lockStore: LockStore,
    private readonly locks: AuthLocksService,
    private readonly familiarIps: FamiliarIpStore,
    private readonly metrics: MailgateMetrics,
  ) {
    this.limits = bruteForceLimits(config);
  }

  async readMarks(subject: LoginSubject): Promise<LockMarks> {
    return (await this.readMarksWith(subject, [])).marks;
  }

  /**
   * The marks and, in the same round trip, the values of `extraKeys` (in their order); `shared`
   * is false when they come from this process only (Redis unset, down or not answering).
   */
  async readMarksWith(
    subject: LoginSubject,
    extraKeys: readonly string[],
  ): Promise<{ marks: LockMarks; extra: (number | null)[]; shared: boolean }> {
    const keys = this.keys(subject);
    const { values, shared } = await this.lockStore.readMany([
      keys.pairLock,
      keys.ipLock,
      keys.accountLock,
      keys.recentSuccess,
      keys.pairLastFailure,
      keys.pairLockFailures,
      keys.ipLockFailures,
      keys.accountLockFailures,
      ...extraKeys,
    ]);
    const [pairLock, ipLock, accountLock, lastSuccess, lastFailure, pairLockFailures, ipLockFailures, accountN] =
      values;
    const marks: LockMarks = {
      pairLock: pairLock ?? null,
      ipLock: ipLock ?? null,
      accountLock: accountLock ?? null,
      lastSuccess: lastSuccess ?? null,
      lastFailure: lastFailure ?? null,
      pairLockFailures: pairLockFailures ?? null,
      ipLockFailures: ipLockFailures ?? null,
      accountLockFailures: accountN ?? null,
    };
    return { marks, extra: values.slice(8), shared };
  }

  /**
   * Whether this user succeeded from this IP recently: the LockStore's mark, else (only when it
   * has none) PostgreSQL, whose answer is copied back into the LockStore.
   */
  async isFamiliar(subject: LoginSubject, marks: LockMarks, userId: string | null, now: Date): Promise<boolean> {
    const at = now.getTime();
    if (marks.lastSuccess !== null && at - marks.lastSuccess < this.limits.recentSuccessMs) return true;
    if (!userId) return false;
    const since = new Date(at - this.limits.recentSuccessMs);
    const last = await this.familiarIps.lastSuccess(userId, subject.ipKey, since, now).catch((error: unknown) => {
      // Fail towards the lock, never towards more guesses.
      this.logger.warn({ err: error }, 'could not read familiar addresses');
      return null;
    });
    if (last === null) return false;
    await this.lockStore.set(this.keys(subject).recentSuccess, last, this.limits.recentSuccessMs - (at - last));
    return true;
  }

  /** Checks the locks and reserves this attempt's slots; refused attempts hold none. */
  async admit(subject: LoginSubject, marks: LockMarks, userId: string | null, now: Date): Promise<Admission> {
    const at = now.getTime();
    const familiar = await this.isFamiliar(subject, marks, userId, now);
    const active = (until: number | null) => until !== null && until > at;
    const refuse = (locked: LockReason): Admission => ({ locked, familiar, reservation: NO_RESERVATION });
    if (active(marks.pairLock)) return refuse('LOCKED_USER_IP');
    if (!familiar && active(marks.accountLock)) return refuse('LOCKED_ACCOUNT');
    // An IP lock refuses unseen only the logins that already failed from it (and, as unknown logins
    // fail too, unknown ones after their first try): behind a carrier NAT or an office, the other
    // users' correct passwords keep working. Everyone else's credential is checked as usual.
    const ipLocked = active(marks.ipLock);
    if (ipLocked && !familiar && marks.lastFailure !== null) return refuse('LOCKED_IP');

    const keys = this.keys(subject);
    const [pair, ip, account] = await Promise.all([
      this.counters.increment(keys.pairCount, this.limits.pairWindowMs, at),
      ipLocked ? null : this.counters.increment(keys.ipCount, this.limits.ipWindowMs, at),
      // Failures from IPs the user recently logged in from do not count against the account:
      // an attacker elsewhere cannot use them, and the user's own devices must keep working.
      familiar ? null : this.counters.increment(keys.accountCount, ACCOUNT_WINDOW_MS, at),
    ]);
    const reservation: Reservation = { pair, ip, account };
    const over: LockReason | null = !withinLimit(pair, this.limits.pairFailures, marks.pairLockFailures)
      ? 'LOCKED_USER_IP'
      : ip !== null && !withinLimit(ip, this.limits.ipFailures, marks.ipLockFailures)
        ? 'LOCKED_IP'
        : account !== null && !withinLimit(account, this.limits.accountFailuresPerHour, marks.accountLockFailures)
          ? 'LOCKED_ACCOUNT'
          : null;
    if (over === null) return { locked: null, familiar, reservation };
    // Earlier reservations (still being verified, or the ones that set the lock) own the slots.
    await this.release(subject, reservation);
    return refuse(over);
  }

  /**
   * A wrong credential (or a refusal that must look like one). `userId` is known when the login
   * names an account; it only goes into the lock's record.
   */
  async recordFailure(subject: LoginSubject, admission: Admission, userId: string | null, now: Date): Promise<void> {
    const keys = this.keys(subject);
    const { pair, ip, account } = admission.reservation;
    await this.lockStore.set(keys.pairLastFailure, now.getTime(), this.limits.pairWindowMs);
    // Every admitted slot at or past a threshold is unique (admit refuses the others), so
    // exactly one failure sets each lock however many arrive together.
    const pairMs = pair === null ? null : pairLockMs(pair, this.limits);
    if (pair !== null && pairMs !== null) {
      await this.lockStore.set(keys.pairLockFailures, pair, this.limits.pairWindowMs);
      await this.lock('USER_IP', keys.pairLock, subject, userId, pair, now, pairMs);
    }
    const ipMs = ip === null ? null : ipLockMs(ip, this.limits);
    if (ip !== null && ipMs !== null) {
      await this.lockStore.set(keys.ipLockFailures, ip, this.limits.ipWindowMs + ipMs);
      await this.lock('IP', keys.ipLock, subject, null, ip, now, ipMs);
    }
    const accountMs = account === null ? null : accountLockMs(account, this.limits);
    // The account counter is not reset (that would hand slots to attempts already on their way):
    // its one-hour window, opened by the first failure, ends before the lock does, so counting
    // starts afresh after it.
    if (account !== null && accountMs !== null) {
      await this.lockStore.set(keys.accountLockFailures, account, ACCOUNT_WINDOW_MS + accountMs);
      await this.lock('USER', keys.accountLock, subject, userId, account, now, accountMs);
    }
  }

  /** Gives back an attempt's slots (a valid credential: it was no guess). */
  async release(subject: LoginSubject, reservation: Reservation): Promise<void> {
    const keys = this.keys(subject);
    await Promise.all([
      reservation.pair === null ? null : this.counters.decrement(keys.pairCount),
      reservation.ip === null ? null : this.counters.decrement(keys.ipCount),
      reservation.account === null ? null : this.counters.decrement(keys.accountCount),
    ]);
  }

  /**
   * An allowed login: gives back the slots, forgets the pair's failures and marks the IP familiar
   * (LockStore, and PostgreSQL so that losing Redis cannot lock the user's own devices out).
   */
  async recordSuccess(
    subject: LoginSubject,
    marks: LockMarks,
    reservation: Reservation,
    userId: string,
    now: Date,
  ): Promise<void> {
    const keys = this.keys(subject);
    const at = now.getTime();
    const work: Promise<unknown>[] = [this.release(subject, { ...reservation, pair: null })];
    if (marks.lastFailure !== null || reservation.pair !== null) {
      work.push(this.counters.reset(keys.pairCount), this.lockStore.delete([keys.pairLastFailure]));
    }
    if (marks.lastSuccess === null || at - marks.lastSuccess > SUCCESS_MARK_REFRESH_MS) {
      work.push(
        this.lockStore.set(keys.recentSuccess, at, this.limits.recentSuccessMs),
        this.familiarIps.remember(userId, subject.ipKey, now),
      );
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
    this.metrics.locksSet.inc({ scope, family: subject.family });
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

/**
 * A reserved slot may be tried while it is within the threshold, or when it is the first one
 * after the last lock ended (each such failure locks again, for longer).
 */
function withinLimit(slot: number | null, threshold: number, lockedAtFailures: number | null): boolean {
  return slot === null || slot <= threshold || (lockedAtFailures !== null && slot === lockedAtFailures + 1);
}
