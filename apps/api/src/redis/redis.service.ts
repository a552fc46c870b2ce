import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { ReadinessService } from '../health/readiness.service.js';

/**
 * The shared Redis connection, when REDIS_URL is set. Commands fail fast while Redis is down
 * (no offline queue): callers fall back to per-instance state instead of waiting, and readiness
 * reports "degraded". `onReconnect` lets caches that depend on pub/sub drop their contents,
 * because messages published while we were away are lost.
 */
@Injectable()
export class RedisService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  readonly client: Redis | null;
  private readonly reconnectListeners = new Set<() => void>();
  private wasReady = false;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly readiness: ReadinessService,
  ) {
    this.client = config.REDIS_URL ? createClient(config.REDIS_URL, config.REDIS_KEY_PREFIX) : null;
    // Attached at once: the connection starts in the constructor, and an unhandled 'error'
    // event would be printed by ioredis itself.
    this.client?.on('error', (error: Error) => this.logger.warn({ err: error.message }, 'redis error'));
  }

  onModuleInit(): void {
    const client = this.client;
    if (!client) return;
    client.on('ready', () => {
      if (this.wasReady) {
        this.logger.warn('redis reconnected; dropping state that relied on missed messages');
        for (const listener of this.reconnectListeners) listener();
      }
      this.wasReady = true;
    });
    this.readiness.register({
      name: 'redis',
      degradedOnly: true,
      probe: async () =>
        this.isAvailable() ? { ok: true } : { ok: false, detail: 'unreachable; using per-instance counters' },
    });
  }

  /** True when REDIS_URL is set and the connection is up right now. */
  isAvailable(): boolean {
    return this.client?.status === 'ready';
  }

  /** A second connection for SUBSCRIBE (a subscribed connection can run no other commands). */
  duplicate(): Redis | null {
    return this.client ? this.client.duplicate() : null;
  }

  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.client && this.client.status !== 'end') await this.client.quit().catch(() => this.client?.disconnect());
  }
}

function createClient(url: string, keyPrefix: string): Redis {
  return new Redis(url, {
    // Every command's keys (MGET, MULTI, scripts' KEYS) get the prefix here, in one place, so no
    // caller can forget it. Duplicated connections inherit it.
    keyPrefix,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    // Keep trying in the background, at most every 2 s.
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
}
