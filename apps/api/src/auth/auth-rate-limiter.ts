import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CommonErrors } from '@mailgate/contracts';
import { AppError } from '../common/http/app-error.js';
import { CounterStore } from '../rate-limit/counter-store.js';

/** At most `max` failures per fixed window of `windowMs` for one key. */
export interface FailureLimit {
  readonly key: string;
  readonly max: number;
  readonly windowMs: number;
}

const FIFTEEN_MINUTES = 15 * 60_000;

/** Keys never hold an e-mail address in clear (Redis is shared infrastructure). */
function emailKey(email: string): string {
  return createHash('sha256').update(email).digest('base64url').slice(0, 22);
}

/**
 * The web sign-in's failure limits. Per account and IP, so one guesser is stopped quickly; per
 * IP, so one machine cannot try many accounts; per account overall, a ceiling for guessing from
 * many machines (a higher one, because reaching it also keeps the real user out for a while).
 */
export const AuthLimits = {
  signIn: (email: string, ip: string): FailureLimit[] => [
    { key: `auth:sign-in:account-ip:${emailKey(email)}:${ip}`, max: 10, windowMs: FIFTEEN_MINUTES },
    { key: `auth:sign-in:ip:${ip}`, max: 50, windowMs: FIFTEEN_MINUTES },
    { key: `auth:sign-in:account:${emailKey(email)}`, max: 100, windowMs: FIFTEEN_MINUTES },
  ],
  /** TOTP codes and recovery codes share one budget: both are the second factor. */
  secondFactor: (userId: string, ip: string): FailureLimit[] => [
    { key: `auth:second-factor:user:${userId}`, max: 10, windowMs: FIFTEEN_MINUTES },
    { key: `auth:second-factor:ip:${ip}`, max: 50, windowMs: FIFTEEN_MINUTES },
  ],
  /** Step-up and the current password of a password change: re-checks of a signed-in user. */
  reauthentication: (userId: string, ip: string): FailureLimit[] => [
    { key: `auth:reauth:user:${userId}`, max: 10, windowMs: FIFTEEN_MINUTES },
    { key: `auth:reauth:ip:${ip}`, max: 50, windowMs: FIFTEEN_MINUTES },
  ],
};

/**
 * Counts failures in fixed, clock-aligned windows (the window's index is part of the key), so the
 * answer can say exactly when to retry. Only failures count: a user who signs in correctly is
 * never slowed down by their own successes.
 */
@Injectable()
export class AuthRateLimiter {
  constructor(private readonly counters: CounterStore) {}

  /** Throws RATE_LIMITED (429, Retry-After) when any limit is already used up. */
  async assertAllowed(limits: readonly FailureLimit[], now = Date.now()): Promise<void> {
    const counts = await Promise.all(limits.map((limit) => this.counters.get(windowKey(limit, now), now)));
    const exhausted = limits.filter((limit, index) => (counts[index] ?? 0) >= limit.max);
    if (exhausted.length === 0) return;
    const retryAfterSeconds = Math.max(...exhausted.map((limit) => secondsLeft(limit, now)));
    throw new AppError(CommonErrors.RATE_LIMITED, { headers: { 'Retry-After': String(retryAfterSeconds) } });
  }

  async recordFailure(limits: readonly FailureLimit[], now = Date.now()): Promise<void> {
    await Promise.all(limits.map((limit) => this.counters.increment(windowKey(limit, now), limit.windowMs, now)));
  }

  /** After a success: forget this account's failures from this IP (not the IP's or account's totals). */
  async forgive(limit: FailureLimit | undefined, now = Date.now()): Promise<void> {
    if (limit) await this.counters.reset(windowKey(limit, now));
  }
}

function windowKey(limit: FailureLimit, now: number): string {
  return `${limit.key}:${Math.floor(now / limit.windowMs)}`;
}

function secondsLeft(limit: FailureLimit, now: number): number {
  const windowEnd = (Math.floor(now / limit.windowMs) + 1) * limit.windowMs;
  return Math.max(1, Math.ceil((windowEnd - now) / 1000));
}
