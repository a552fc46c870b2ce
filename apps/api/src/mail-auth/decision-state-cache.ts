import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../infrastructure/config/config.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { ClusterEventsService } from '../infrastructure/cluster-events/cluster-events.service.js';
import { MailgateMetrics } from '../infrastructure/metrics/mailgate-metrics.js';
import { LruCache } from './lru-cache.js';
import { loadUserDecisionState, type UserDecisionState } from './user-decision-state.js';

interface Entry {
  readonly state: UserDecisionState;
  readonly loadedAt: number;
}

/** Even without any announced change, a state is reloaded after this long (belt and braces). */
export const STATE_MAX_AGE_MS = 5 * 60_000;

/**
 * Users' decision state in memory, so repeat logins do not wait on PostgreSQL. Correctness
 * rests on push invalidation: every security change is announced (locally by AccountEvents,
 * from other instances over the cluster channel) and evicts the user here. While the channel
 * is down nothing is cached, and when it comes back everything is dropped, because a missed
 * message must never leave a stale allow.
 */
@Injectable()
export class DecisionStateCache {
  private readonly states: LruCache<string, Entry>;
  private readonly loginByUserId = new Map<string, string>();
  private readonly inflight = new Map<string, Promise<UserDecisionState | null>>();
  /** Bumped by every eviction: a load that raced with one is used once but not kept. */
  private generation = 0;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly prisma: PrismaService,
    private readonly clusterEvents: ClusterEventsService,
    private readonly metrics: MailgateMetrics,
  ) {
    this.states = new LruCache(config.MAIL_AUTH_STATE_CACHE_SIZE);
  }

  /** The state for a normalised login (null: no such user; unknown logins are never cached). */
  async get(login: string, now: Date): Promise<UserDecisionState | null> {
    if (!this.clusterEvents.isListening()) {
      this.metrics.mailCacheLookups.inc({ cache: 'state', result: 'bypass' });
      return loadUserDecisionState(this.prisma, login, now);
    }
    const hit = this.states.get(login);
    const fresh = hit !== undefined && now.getTime() - hit.loadedAt < STATE_MAX_AGE_MS;
    this.metrics.mailCacheLookups.inc({ cache: 'state', result: fresh ? 'hit' : 'miss' });
    if (hit && fresh) return hit.state;
    const pending = this.inflight.get(login);
    if (pending) return pending;
    const generation = this.generation;
    const load = loadUserDecisionState(this.prisma, login, now)
      .then((state) => {
        if (state && generation === this.generation && this.clusterEvents.isListening()) {
          this.states.set(login, { state, loadedAt: now.getTime() });
          this.loginByUserId.set(state.userId, login);
          if (this.loginByUserId.size > this.states.size * 2 + 1_000) this.compactIndex();
        }
        return state;
      })
      .finally(() => {
        if (this.inflight.get(login) === load) this.inflight.delete(login);
      });
    this.inflight.set(login, load);
    return load;
  }

  /**
   * Loads the state afresh, because a newer version was announced (SecurityVersionStore) than
   * the one cached. Never joins a load already running: that one may have read the row before
   * the change.
   */
  async reload(login: string, now: Date): Promise<UserDecisionState | null> {
    this.states.delete(login);
    const generation = this.generation;
    const state = await loadUserDecisionState(this.prisma, login, now);
    if (state && generation === this.generation && this.clusterEvents.isListening()) {
      this.states.set(login, { state, loadedAt: now.getTime() });
      this.loginByUserId.set(state.userId, login);
    }
    return state;
  }

  /** The cached state of a user, if any (to compare before and after a change). */
  peekByUserId(userId: string): UserDecisionState | null {
    const login = this.loginByUserId.get(userId);
    return login ? (this.states.peek(login)?.state ?? null) : null;
  }

  evictUser(userId: string): void {
    this.generation += 1;
    // Loads already running may have read the old row; later requests must not join them.
    this.inflight.clear();
    const login = this.loginByUserId.get(userId);
    if (login) this.states.delete(login);
    this.loginByUserId.delete(userId);
  }

  clear(): void {
    this.generation += 1;
    this.inflight.clear();
    this.states.clear();
    this.loginByUserId.clear();
  }

  get size(): number {
    return this.states.size;
  }

  private compactIndex(): void {
    for (const [userId, login] of this.loginByUserId) if (!this.states.peek(login)) this.loginByUserId.delete(userId);
  }
}
