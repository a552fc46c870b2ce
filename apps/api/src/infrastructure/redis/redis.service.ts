import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Redis, type Command } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { ReadinessService } from '../health/readiness.service.js';
import { Listeners } from '../common/listeners.js';

/** How often a PING checks that Redis still answers (and, once it hung, whether it is back). */
const HEARTBEAT_MS = 1_000;
const TIMED_OUT = 'Command timed out';

/**
 * The shared Redis connection, when REDIS_URL is set. Commands fail fast while Redis is down
 * (no offline queue) and time out after REDIS_COMMAND_TIMEOUT_MS while it hangs: callers fall
 * back to per-instance state instead of waiting, and readiness reports "degraded".
 *
 * An open socket is not an answering Redis (a frozen process, a partition): the first command
 * that times out marks Redis unavailable at once, so every caller uses its fallback without
 * paying the timeout again, and a PING every second brings it back when Redis answers. The
 * same PING notices a hang when no command is running. `onReconnect` lets caches that depend
 * on pub/sub or on keys written meanwhile catch up, because messages and writes were missed.
 */
@Injectable()
export class RedisService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  readonly client: Redis | null;
  private readonly reconnectListeners = new Listeners();
  private wasReady = false;
  private hung = false;
  private heartbeat: NodeJS.Timeout | null = null;
  private pinging = false;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly readiness: ReadinessService,
  ) {
    this.client = config.REDIS_URL
      ? createClient(config.REDIS_URL, config.REDIS_KEY_PREFIX, config.REDIS_COMMAND_TIMEOUT_MS)
      : null;
    // Attached at once: the connection starts in the constructor, and an unhandled 'error'
    // event would be printed by ioredis itself.
    this.client?.on('error', (error: Error) => this.logger.warn({ err: error.message }, 'redis error'));
    if (this.client) this.watchForTimeouts(this.client);
  }

  onModuleInit(): void {
    const client = this.client;
    if (!client) return;
    client.on('ready', () => {
      this.hung = false; // the ready check itself was answered
      if (this.wasReady) this.recovered('redis reconnected');
      this.wasReady = true;
    });
    this.heartbeat = setInterval(() => void this.ping(client), HEARTBEAT_MS);
    this.heartbeat.unref();
    this.readiness.register({
      name: 'redis',
      degradedOnly: true,
      probe: async () =>
        this.isAvailable()
          ? { ok: true }
          : {
              ok: false,
              detail: this.hung ? 'not answering; using per-instance state' : 'unreachable; using per-instance state',
            },
    });
  }

  /** True when REDIS_URL is set, the connection is up and Redis answered its last command in time. */
  isAvailable(): boolean {
    return this.client?.status === 'ready' && !this.hung;
  }

  /** A second connection for SUBSCRIBE (a subscribed connection can run no other commands). */
  duplicate(): Redis | null {
    return this.client ? this.client.duplicate() : null;
  }

  onReconnect(listener: () => void): () => void {
    return this.reconnectListeners.add(listener);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    if (this.client && this.client.status !== 'end') {
      // QUIT waits for an answer a hung Redis never gives: bounded by the command timeout.
      await this.client.quit().catch(() => this.client?.disconnect());
    }
  }

  /** Every command, including those inside MULTI, passes here; a timeout marks Redis as hung. */
  private watchForTimeouts(client: Redis): void {
    const send = client.sendCommand.bind(client);
    client.sendCommand = ((command: Command, ...rest: unknown[]) => {
      command.promise.catch((error: Error) => {
        if (error.message === TIMED_OUT) this.markHung();
      });
      return (send as (command: Command, ...rest: unknown[]) => unknown)(command, ...rest);
    }) as typeof client.sendCommand;
  }

  private markHung(): void {
    if (this.hung) return;
    this.hung = true;
    this.logger.warn('redis does not answer in time; using per-instance state until a PING answers');
  }

  private async ping(client: Redis): Promise<void> {
    if (this.pinging || client.status !== 'ready') return;
    this.pinging = true;
    try {
      await client.ping();
      if (this.hung) {
        this.hung = false;
        this.recovered('redis answers again');
      }
    } catch {
      // a timeout has already marked it hung; other errors are reported by the 'error' event
    } finally {
      this.pinging = false;
    }
  }

  private recovered(reason: string): void {
    this.logger.warn(`${reason}; catching up on state that relied on missed messages`);
    this.reconnectListeners.notify();
  }
}

function createClient(url: string, keyPrefix: string, commandTimeout: number): Redis {
  return new Redis(url, {
    // Every command's keys (MGET, MULTI, scripts' KEYS) get the prefix here, in one place, so no
    // caller can forget it. Duplicated connections inherit it.
    keyPrefix,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout,
    // Keep trying in the background, at most every 2 s.
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
}
