import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { PrismaService } from '../database/prisma.service.js';
import { Listeners } from '../common/listeners.js';

const CHANNEL = 'mailgate_cluster_events';
const HEARTBEAT_MS = 10_000;
const MAX_RETRY_MS = 2_000;

export type ClusterTopic = 'account-changed' | 'service-tokens-changed' | 'settings-changed';
type ClusterListener = (payload: Record<string, unknown>) => void;

/**
 * Tells every API instance (and hears from every instance and the CLI) that cached state is
 * stale, through PostgreSQL LISTEN/NOTIFY. Chosen over Redis pub/sub because the database is
 * the one dependency every change already goes through: whenever a change can be committed,
 * its invalidation can be delivered, and an instance that cannot hear (listener down) knows it
 * and stops trusting its caches until it hears again. See docs/architecture.md.
 */
@Injectable()
export class ClusterEventsService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('ClusterEvents');
  private readonly instanceId = randomUUID();
  private readonly listeners = new Map<ClusterTopic, Set<ClusterListener>>();
  private readonly reconnectListeners = new Listeners();
  /** The connection in use or being opened; events of older ones are ignored. */
  private client: pg.Client | null = null;
  private everListened = false;
  private listening = false;
  private stopped = false;
  private retryMs = 200;
  private retryTimer: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly prisma: PrismaService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  /** True while this instance hears every invalidation; caches must not be trusted otherwise. */
  isListening(): boolean {
    return this.listening;
  }

  /** The listening connection's backend process id (for diagnostics and the reconnect test). */
  backendPid(): number | null {
    return this.listening ? ((this.client as unknown as { processID?: number } | null)?.processID ?? null) : null;
  }

  async publish(topic: ClusterTopic, payload: Record<string, unknown>): Promise<void> {
    const message = JSON.stringify({ topic, from: this.instanceId, payload });
    await this.prisma.$executeRaw`SELECT pg_notify(${CHANNEL}, ${message})`;
  }

  /** Messages from other processes (this instance's own are not echoed back). */
  subscribe(topic: ClusterTopic, listener: ClusterListener): () => void {
    const set = this.listeners.get(topic) ?? new Set();
    set.add(listener);
    this.listeners.set(topic, set);
    return () => set.delete(listener);
  }

  /** Called whenever the channel was down: messages may have been missed, so drop caches. */
  onReconnect(listener: () => void): () => void {
    return this.reconnectListeners.add(listener);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.listening = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({
      connectionString: this.config.DATABASE_URL,
      keepAlive: true,
      connectionTimeoutMillis: 2_000,
      query_timeout: 5_000,
      application_name: 'mailgate-cluster-events',
    });
    this.client = client;
    client.on('error', (error) => this.lost(client, error.message));
    client.on('end', () => this.lost(client, 'connection ended'));
    client.on('notification', (message) => this.deliver(message.payload));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      this.lost(client, (error as Error).message);
      return;
    }
    if (this.stopped || this.client !== client) {
      await client.end().catch(() => undefined);
      return;
    }
    const wasEverConnected = this.everListened;
    this.everListened = true;
    this.retryMs = 200;
    this.listening = true;
    this.heartbeat = setInterval(() => {
      client.query('SELECT 1').catch((error: Error) => this.lost(client, error.message));
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
    if (wasEverConnected) {
      this.logger.warn('invalidation channel reconnected; dropping caches');
      this.reconnectListeners.notify();
    }
  }

  private lost(client: pg.Client, reason: string): void {
    if (this.stopped || this.client !== client || this.retryTimer) return;
    if (this.listening) this.logger.warn({ reason }, 'invalidation channel lost; caches bypassed until it is back');
    this.listening = false;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    client.end().catch(() => undefined);
    // Caches are bypassed while not listening; drop them now too, so nothing stale survives.
    this.reconnectListeners.notify();
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
  }

  private deliver(raw: string | undefined): void {
    if (!raw) return;
    let message: { topic?: ClusterTopic; from?: string; payload?: Record<string, unknown> };
    try {
      message = JSON.parse(raw) as typeof message;
    } catch {
      return;
    }
    if (!message.topic || message.from === this.instanceId) return;
    for (const listener of this.listeners.get(message.topic) ?? []) {
      try {
        listener(message.payload ?? {});
      } catch (error) {
        this.logger.error({ err: error, topic: message.topic }, 'cluster event listener failed');
      }
    }
  }
}
