import { Injectable, Logger } from '@nestjs/common';
import { RedisService } from '../infrastructure/redis/redis.service.js';

const MAX_LOCAL_ENTRIES = 200_000;

/**
 * Timestamps that must be checked on every login without asking PostgreSQL: "locked until T"
 * and "last successful login at T". Kept in Redis (shared by all instances) and always also in
 * this process, so a Redis outage keeps at least what this instance knows. The value (epoch ms)
 * is what counts; the TTL only cleans up, so an injected clock in tests stays authoritative.
 */
@Injectable()
export class LockStore {
  private readonly logger = new Logger('LockStore');
  private readonly local = new Map<string, { value: number; expiresAt: number }>();

  constructor(private readonly redis: RedisService) {}

  /** One round trip for all keys; null where a key has no value. */
  async getMany(keys: readonly string[]): Promise<(number | null)[]> {
    return (await this.readMany(keys)).values;
  }

  /**
   * As getMany, and whether the values are Redis's (`shared`: what every instance sees) or only
   * this process's, for callers that must not trust a per-instance answer (see SecurityVersions).
   */
  async readMany(keys: readonly string[]): Promise<{ values: (number | null)[]; shared: boolean }> {
    const client = this.redis.client;
    if (client && this.redis.isAvailable()) {
      try {
        const values = await client.mget(...keys);
        // Redis is the shared truth while it is up (a lift on another instance deleted the key there).
        return { values: values.map((value) => (value === null ? null : Number(value))), shared: true };
      } catch (error) {
        this.logger.warn({ err: (error as Error).message }, 'redis read failed; using local state');
      }
    }
    return { values: keys.map((key) => this.getLocal(key)), shared: false };
  }

  async set(key: string, value: number, ttlMs: number): Promise<void> {
    const ttl = Math.max(1_000, Math.ceil(ttlMs));
    this.setLocal(key, value, ttl);
    const client = this.redis.client;
    if (client && this.redis.isAvailable()) {
      await client.set(key, String(value), 'PX', ttl).catch((error: Error) => {
        this.logger.warn({ err: error.message }, 'redis write failed; kept locally');
      });
    }
  }

  async delete(keys: readonly string[]): Promise<void> {
    for (const key of keys) this.local.delete(key);
    const client = this.redis.client;
    if (keys.length > 0 && client && this.redis.isAvailable()) await client.del(...keys).catch(() => undefined);
  }

  private getLocal(key: string): number | null {
    const entry = this.local.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= Date.now()) {
      this.local.delete(key);
      return null;
    }
    return entry.value;
  }

  private setLocal(key: string, value: number, ttlMs: number): void {
    if (this.local.size >= MAX_LOCAL_ENTRIES) {
      const now = Date.now();
      for (const [entryKey, entry] of this.local) if (entry.expiresAt <= now) this.local.delete(entryKey);
      // Still full: forget the oldest insertions rather than grow without bound.
      for (const entryKey of this.local.keys()) {
        if (this.local.size < MAX_LOCAL_ENTRIES) break;
        this.local.delete(entryKey);
      }
    }
    this.local.delete(key);
    this.local.set(key, { value, expiresAt: Date.now() + ttlMs });
  }
}
