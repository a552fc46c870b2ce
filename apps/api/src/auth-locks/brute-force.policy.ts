import { hash } from 'node:crypto';
import type { AppConfig } from '../infrastructure/config/config.js';
import type { ProtocolFamily } from '../generated/prisma/enums.js';

export type LockReason = 'LOCKED_USER_IP' | 'LOCKED_IP' | 'LOCKED_ACCOUNT';

/** Thresholds of the brute-force defence, from configuration (see the README's table). */
export interface BruteForceLimits {
  readonly pairFailures: number;
  readonly pairLockMs: number;
  readonly pairLockMaxMs: number;
  /** How long failures of a pair are remembered (long enough for the lock to keep growing). */
  readonly pairWindowMs: number;
  readonly ipFailures: number;
  readonly ipWindowMs: number;
  readonly ipLockMs: number;
  readonly accountFailuresPerHour: number;
  readonly recentSuccessMs: number;
}

const HOUR_MS = 3_600_000;

export function bruteForceLimits(config: AppConfig): BruteForceLimits {
  return {
    pairFailures: config.MAIL_AUTH_PAIR_FAILURES,
    pairLockMs: config.MAIL_AUTH_PAIR_LOCK_SECONDS * 1000,
    pairLockMaxMs: config.MAIL_AUTH_PAIR_LOCK_MAX_SECONDS * 1000,
    pairWindowMs: Math.max(HOUR_MS, config.MAIL_AUTH_PAIR_LOCK_MAX_SECONDS * 4000),
    ipFailures: config.MAIL_AUTH_IP_FAILURES,
    ipWindowMs: config.MAIL_AUTH_IP_WINDOW_SECONDS * 1000,
    ipLockMs: config.MAIL_AUTH_IP_LOCK_SECONDS * 1000,
    accountFailuresPerHour: config.MAIL_AUTH_ACCOUNT_FAILURES_PER_HOUR,
    recentSuccessMs: config.MAIL_AUTH_RECENT_SUCCESS_DAYS * 86_400_000,
  };
}

/**
 * How long a (user, IP) pair is locked after its n-th failure in the window: nothing below the
 * threshold, then the base time doubling with each further failure, capped. Attempts refused by
 * a lock are not failures, so the lock grows only with attempts made after it ended.
 */
export function pairLockMs(failures: number, limits: BruteForceLimits): number | null {
  if (failures < limits.pairFailures) return null;
  const doublings = Math.min(failures - limits.pairFailures, 30);
  return Math.min(limits.pairLockMs * 2 ** doublings, limits.pairLockMaxMs);
}

/** An IP (IPv6: /64) failing across users is locked for everyone, for a fixed time. */
export function ipLockMs(failures: number, limits: BruteForceLimits): number | null {
  return failures >= limits.ipFailures ? limits.ipLockMs : null;
}

/**
 * An account whose main password failed too often from unfamiliar IPs is locked against
 * unfamiliar IPs for an hour (then the count starts again): never permanently, and never
 * against the IPs where the user recently logged in.
 */
export function accountLockMs(failures: number, limits: BruteForceLimits): number | null {
  return failures >= limits.accountFailuresPerHour ? HOUR_MS : null;
}

export const ACCOUNT_WINDOW_MS = HOUR_MS;

/**
 * Redis/counter keys of one login subject (the Redis client adds REDIS_KEY_PREFIX). The login is
 * hashed: no addresses in Redis.
 */
export function bruteForceKeys(family: ProtocolFamily, login: string, ipKey: string) {
  const user = hash('sha256', login, 'base64url').slice(0, 22);
  const base = `bf:${family.toLowerCase()}`;
  return {
    pairLock: `${base}:lock:pair:${user}:${ipKey}`,
    /** The failure count that set the pair's last lock: after it ends, exactly the next slot may try. */
    pairLockFailures: `${base}:lockn:pair:${user}:${ipKey}`,
    ipLock: `${base}:lock:ip:${ipKey}`,
    ipLockFailures: `${base}:lockn:ip:${ipKey}`,
    accountLock: `${base}:lock:acct:${user}`,
    accountLockFailures: `${base}:lockn:acct:${user}`,
    recentSuccess: `${base}:ok:${user}:${ipKey}`,
    pairLastFailure: `${base}:lastfail:${user}:${ipKey}`,
    pairCount: `${base}:n:pair:${user}:${ipKey}`,
    ipCount: `${base}:n:ip:${ipKey}`,
    accountCount: `${base}:n:acct:${user}`,
  };
}
