import { createHash } from 'node:crypto';
import type { LoginAttemptRecord } from './login-attempts.types.js';

/**
 * Refusals from one client IP with one reason, per hour and per instance, kept as single rows
 * before the rest of that hour is folded into one aggregate row. Enough to see every attempt of a
 * password guesser against one account (the brute-force guard locks long before); a flood against
 * thousands of accounts costs one row per hour instead of a row per guess.
 */
export const FLOOD_ROWS_PER_IP_HOUR = 100;
/** Past this many (IP, reason) counters the oldest hour's are forgotten (bounded memory). */
const MAX_FLOOD_COUNTERS = 200_000;

/** An hourly aggregate as the recorder upserts it on (aggregateKey, createdAt = hour start). */
export interface LoginAttemptAggregate {
  readonly key: string;
  readonly record: LoginAttemptRecord;
  readonly hour: Date;
  firstAt: Date;
  lastAt: Date;
  count: number;
}

/**
 * Hash of the fields an aggregate is kept per, as a UUID. The migration that folded existing
 * successes computes the same md5 over the same text, so the hour it left open keeps counting.
 */
export function aggregateKey(record: LoginAttemptRecord): string {
  const text = [
    record.result,
    record.reasonCode,
    record.userId ?? '',
    record.credential,
    record.appPasswordId ?? '',
    record.protocol ?? '',
    record.clientIp ?? '',
    String(record.secured),
    record.serviceTokenId ?? '',
  ].join('|');
  const hex = createHash('md5').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function hourOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000);
}

/**
 * Sorts recorded attempts into what gets written: successes are folded per (user, credential,
 * app password, protocol, client IP, secured, service token, hour); refusals stay single rows
 * until their (IP, reason, hour) passed FLOOD_ROWS_PER_IP_HOUR, then they are folded per
 * (IP, result, reason, protocol, hour) without the user or login (a spray over many accounts).
 * Folding in memory first means one upsert per key per flush, however many logins it covers.
 */
export class LoginAttemptBatch {
  rows: LoginAttemptRecord[] = [];
  readonly aggregates = new Map<string, LoginAttemptAggregate>();
  private readonly floodCounters = new Map<string, number>();

  add(record: LoginAttemptRecord): void {
    if (record.result === 'ALLOW') {
      this.fold(record);
      return;
    }
    if (!record.clientIp) {
      this.rows.push(record);
      return;
    }
    const hour = hourOf(record.createdAt).getTime();
    const floodKey = `${hour}|${record.clientIp}|${record.reasonCode}`;
    const seen = this.floodCounters.get(floodKey) ?? 0;
    if (seen < FLOOD_ROWS_PER_IP_HOUR) {
      if (this.floodCounters.size >= MAX_FLOOD_COUNTERS) this.forgetOldCounters(hour);
      this.floodCounters.set(floodKey, seen + 1);
      this.rows.push(record);
      return;
    }
    this.fold({
      ...record,
      userId: null,
      loginAsTyped: '',
      credential: 'NONE',
      appPasswordId: null,
      secured: false,
      serviceTokenId: null,
    });
  }

  /** Whether a success would add to an aggregate already held (no new key). */
  knows(record: LoginAttemptRecord): boolean {
    return this.aggregates.has(`${aggregateKey(record)}|${hourOf(record.createdAt).getTime()}`);
  }

  /** Hands over every aggregate, sorted by key and hour (the order upserts lock rows in). */
  takeAggregates(): LoginAttemptAggregate[] {
    const taken = [...this.aggregates.values()].sort(
      (a, b) => a.key.localeCompare(b.key) || a.hour.getTime() - b.hour.getTime(),
    );
    this.aggregates.clear();
    return taken;
  }

  /** Puts back aggregates a failed write did not store, adding to any collected meanwhile. */
  restoreAggregates(aggregates: readonly LoginAttemptAggregate[]): void {
    for (const aggregate of aggregates) {
      const mapKey = `${aggregate.key}|${aggregate.hour.getTime()}`;
      const current = this.aggregates.get(mapKey);
      if (!current) {
        this.aggregates.set(mapKey, aggregate);
        continue;
      }
      current.count += aggregate.count;
      if (aggregate.firstAt < current.firstAt) current.firstAt = aggregate.firstAt;
      if (aggregate.lastAt > current.lastAt) current.lastAt = aggregate.lastAt;
    }
  }

  private fold(record: LoginAttemptRecord): void {
    const hour = hourOf(record.createdAt);
    const key = aggregateKey(record);
    const mapKey = `${key}|${hour.getTime()}`;
    const existing = this.aggregates.get(mapKey);
    if (existing) {
      existing.count += 1;
      if (record.createdAt < existing.firstAt) existing.firstAt = record.createdAt;
      if (record.createdAt > existing.lastAt) existing.lastAt = record.createdAt;
      return;
    }
    this.aggregates.set(mapKey, {
      key,
      record,
      hour,
      firstAt: record.createdAt,
      lastAt: record.createdAt,
      count: 1,
    });
  }

  private forgetOldCounters(currentHour: number): void {
    for (const key of this.floodCounters.keys()) {
      if (!key.startsWith(`${currentHour}|`)) this.floodCounters.delete(key);
    }
    if (this.floodCounters.size >= MAX_FLOOD_COUNTERS) this.floodCounters.clear();
  }
}
