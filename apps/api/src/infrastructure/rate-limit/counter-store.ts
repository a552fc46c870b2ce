import { Injectable, Logger } from '@nestjs/common';
import { RedisService } from '../redis/redis.service.js';

/**
 * Takes one back from a live counter and never goes below zero or creates a key: a plain DECR on
 * an expired key would leave a negative count without a TTL.
 */
const DECREMENT_SCRIPT = `
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count <= 0 then return 0 end
return redis.call('DECR', KEYS[1])
`;

/**
 * Fixed-window counters for rate limits and failure counting. In Redis when it is reachable
 * (shared by every API instance); otherwise in this process, so a Redis outage degrades to
 * per-instance limits — never to unlimited attempts.
 */
@Injectable()
export class CounterStore {
  private readonly logger = new Logger('CounterStore');
  private readonly local = new Map<string, { count: number; expiresAt: number }>();

  constructor(private readonly redis: RedisService) {}

  /** Adds one to `key` and returns the new count within the current window. */
  async increment(key: string, windowMs: number, now = Date.now()): Promise<number> {
    const client = this.redis.client;
    if (client && this.redis.isAvailable()) {
      try {
        const result = await client.multi().incr(key).pexpire(key, windowMs, 'NX').exec();
        const count = result?.[0]?.[1];
        if (typeof count === 'number') return count;
      } catch (error) {
        this.logger.warn({ err: (error as Error).message }, 'redis increment failed; counting locally');
      }
    }
    return this.incrementLocally(key, windowMs, now);
  }

  /**
   * Takes back one increment (e.g. a reserved attempt that turned out to be a success, or one
   * refused before it was tried). Reserve-then-release is what keeps limits exact under parallel
   * requests: every caller's increment returns its own count, so at most `max` get through.
   */
  async decrement(key: string, now = Date.now()): Promise<number> {
    const client = this.redis.client;
    if (client && this.redis.isAvailable()) {
      try {
        const count = await client.eval(DECREMENT_SCRIPT, 1, key);
        if (typeof count === 'number') return count;
      } catch (error) {
        this.logger.warn({ err: (error as Error).message }, 'redis decrement failed; counting locally');
      }
    }
    const entry = this.local.get(key);
    if (!entry || entry.expiresAt <= now) return 0;
    entry.count = Math.max(0, entry.count - 1);
    return entry.count;
  }

  /**
   * The current count, for showing or inspecting it. Not for deciding whether to let an attempt
   * through: reading first and counting later races with parallel requests (AttemptLimiter.reserve).
   */
  async get(key: string, now = Date.now()): Promise<number> {
    const client = this.redis.client;
    if (client && this.redis.isAvailable()) {
      try {
        return Number((await client.get(key)) ?? 0);
      } catch {
        // fall through to the local view
      }
    }
    const entry = this.local.get(key);
    return entry && entry.expiresAt > now ? entry.count : 0;
  }

  async reset(key: string): Promise<void> {
    this.local.delete(key);
    const client = this.redis.client;
    if (client && this.redis.isAvailable()) await client.del(key).catch(() => undefined);
  }

  private incrementLocally(key: string, windowMs: number, now: number): number {
    const entry = this.local.get(key);
    if (!entry || entry.expiresAt <= now) {
      this.local.set(key, { count: 1, expiresAt: now + windowMs });
      this.pruneIfLarge(now);
      return 1;
    }
    entry.count += 1;
    return entry.count;
  }

  private pruneIfLarge(now: number): void {
    if (this.local.size < 100_000) return;
    for (const [key, entry] of this.local) if (entry.expiresAt <= now) this.local.delete(key);
  }
}
