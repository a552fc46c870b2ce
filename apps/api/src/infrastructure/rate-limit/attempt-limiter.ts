import { Injectable } from '@nestjs/common';
import { CommonErrors, type ErrorCodeDefinition } from '@mailgate/contracts';
import { AppError } from '../common/http/app-error.js';
import { MailgateMetrics } from '../metrics/mailgate-metrics.js';
import { CounterStore } from './counter-store.js';

/**
 * At most `max` counted attempts for one key. Two kinds:
 * - a rate limit in fixed, clock-aligned windows of `windowMs` (the window's index is part of the
 *   key), answered with 429 RATE_LIMITED and the exact seconds until the window ends;
 * - a budget for something short-lived with a unique key (a pending sign-in): one count over its
 *   whole life (`windowMs` from the first attempt), answered with `exhausted` instead.
 */
export type AttemptLimit = RateLimit | AttemptBudget;

/** Names a limit in metrics: a literal such as `sign-in:ip`, never a key's user or IP part. */
export type LimitKind = `${string}:${string}`;

export interface RateLimit {
  readonly kind: LimitKind;
  readonly key: string;
  readonly max: number;
  readonly windowMs: number;
  /** A success forgets this key's whole count, not only its own attempt. */
  readonly forgiveOnSuccess?: boolean;
}

export interface AttemptBudget {
  readonly kind: LimitKind;
  readonly key: string;
  readonly max: number;
  readonly windowMs: number;
  readonly exhausted: ErrorCodeDefinition & { code: string };
}

function isBudget(limit: AttemptLimit): limit is AttemptBudget {
  return 'exhausted' in limit;
}

interface Reserved {
  readonly limit: AttemptLimit;
  readonly storeKey: string;
}

/**
 * One attempt, already counted against every limit. Doing nothing keeps it counted: that is how a
 * failure is recorded. A success or an attempt that never reached the check takes it back.
 */
export class ReservedAttempt {
  private settled = false;

  constructor(
    private readonly counters: CounterStore,
    private readonly reserved: readonly Reserved[],
  ) {}

  /** The secret was right: only failures count, and some limits forget earlier failures too. */
  async succeeded(): Promise<void> {
    await this.settle((entry) =>
      !isBudget(entry.limit) && entry.limit.forgiveOnSuccess
        ? this.counters.reset(entry.storeKey)
        : this.counters.decrement(entry.storeKey),
    );
  }

  /** Refused for a reason other than a wrong secret (e.g. a voided pending sign-in): not a failure. */
  async notCounted(): Promise<void> {
    await this.settle((entry) => this.counters.decrement(entry.storeKey));
  }

  private async settle(release: (entry: Reserved) => Promise<unknown>): Promise<void> {
    if (this.settled) return;
    this.settled = true;
    await Promise.all(this.reserved.map(release));
  }
}

/**
 * Limits that hold under parallel requests: an attempt is counted *before* the slow check it
 * guards (argon2, a TOTP code), by an atomic increment that gives every concurrent caller its own
 * count, so at most `max` callers per key ever reach the check. Reading the count first and adding
 * to it after the check would let every request that arrives meanwhile through.
 */
@Injectable()
export class AttemptLimiter {
  constructor(
    private readonly counters: CounterStore,
    private readonly metrics: MailgateMetrics,
  ) {}

  /**
   * Counts one attempt against every limit, or refuses it (and takes its counts back) when any
   * limit is used up: RATE_LIMITED with Retry-After first, then an exhausted budget's own error.
   */
  async reserve(limits: readonly AttemptLimit[], now = Date.now()): Promise<ReservedAttempt> {
    const reserved = limits.map((limit) => ({ limit, storeKey: storeKey(limit, now) }));
    const counts = await Promise.all(
      reserved.map((entry) => this.counters.increment(entry.storeKey, entry.limit.windowMs, now)),
    );
    const attempt = new ReservedAttempt(this.counters, reserved);
    const over = limits.filter((limit, index) => (counts[index] ?? 0) > limit.max);
    if (over.length === 0) return attempt;

    await attempt.notCounted();
    for (const limit of over) this.metrics.rateLimitRefusals.inc({ limit: limit.kind });
    const rateLimited = over.filter((limit) => !isBudget(limit));
    const budget = over.find(isBudget);
    if (rateLimited.length === 0 && budget) throw new AppError(budget.exhausted);
    const retryAfterSeconds = Math.max(...rateLimited.map((limit) => secondsLeft(limit, now)));
    throw new AppError(CommonErrors.RATE_LIMITED, { headers: { 'Retry-After': String(retryAfterSeconds) } });
  }
}

function storeKey(limit: AttemptLimit, now: number): string {
  return isBudget(limit) ? limit.key : `${limit.key}:${Math.floor(now / limit.windowMs)}`;
}

function secondsLeft(limit: AttemptLimit, now: number): number {
  const windowEnd = (Math.floor(now / limit.windowMs) + 1) * limit.windowMs;
  return Math.max(1, Math.ceil((windowEnd - now) / 1000));
}
