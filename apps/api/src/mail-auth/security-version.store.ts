import { hash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { RedisService } from '../infrastructure/redis/redis.service.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { LockStore } from '../auth-locks/lock-store.js';
import { STATE_MAX_AGE_MS } from './decision-state-cache.js';
import type { UserDecisionState } from './user-decision-state.js';

/** A mark must outlive every state cached before its change (they are reloaded after STATE_MAX_AGE_MS). */
const MARK_TTL_MS = STATE_MAX_AGE_MS + 60_000;

/** Raises the mark, never lowers it: two changes announced out of order leave the higher version. */
const RAISE_MARK = `
local current = tonumber(redis.call('GET', KEYS[1]) or '-1')
if tonumber(ARGV[1]) > current then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
else
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 1`;

/** A user's announced securityVersion as one decision read it. */
export interface VersionReading {
  /** Null: nothing announced recently (or no such user). */
  readonly version: number | null;
  /** True when read from Redis, where every instance announces; false: this process only. */
  readonly shared: boolean;
}

/**
 * Makes a change acknowledged on one instance hold on every instance at once, whatever the
 * NOTIFY's delay: before a security change is answered, its instance raises the user's mark in
 * Redis to the new securityVersion (`announce`, awaited), and every decision reads the mark in
 * the Redis MGET it makes anyway for the lock marks. A cached state older than the mark is
 * reloaded. Without an answering Redis no mark can be trusted, so the version is read from
 * PostgreSQL instead (one indexed lookup). Keyed by the login, which a decision knows before it
 * has the user (e-mail addresses never change in Mailgate).
 */
@Injectable()
export class SecurityVersionStore {
  constructor(
    private readonly redis: RedisService,
    private readonly prisma: PrismaService,
    private readonly lockStore: LockStore,
  ) {}

  key(login: string): string {
    return `mail:sv:${hash('sha256', login, 'base64url').slice(0, 22)}`;
  }

  /**
   * Raises the mark; the caller answers the user only after this. Without REDIS_URL there is
   * nothing to raise (every instance reads PostgreSQL). Throws when Redis does not take it.
   */
  async announce(login: string, securityVersion: number): Promise<void> {
    const client = this.redis.client;
    if (!client) return;
    await client.eval(RAISE_MARK, 1, this.key(login), String(securityVersion), String(MARK_TTL_MS));
  }

  /** The mark alone, for the re-check just before an allow. */
  async read(login: string): Promise<VersionReading> {
    const { values, shared } = await this.lockStore.readMany([this.key(login)]);
    return { version: values[0] ?? null, shared };
  }

  /**
   * True when `state` may predate an acknowledged change: the shared mark is newer, or (no
   * shared reading) PostgreSQL holds another version.
   */
  async isStale(login: string, state: UserDecisionState | null, reading: VersionReading): Promise<boolean> {
    if (reading.shared) {
      return reading.version !== null && (state === null || state.securityVersion < reading.version);
    }
    const rows = await this.prisma.$queryRaw<{ securityVersion: number }[]>`
      SELECT "securityVersion" FROM "users" WHERE "email" = ${login}`;
    return (rows[0]?.securityVersion ?? null) !== (state?.securityVersion ?? null);
  }
}
