import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { ServiceTokensErrors, ZServiceTokenName, type ServiceTokenView } from '@mailgate/contracts';
import { APP_CONFIG, type AppConfig } from '../infrastructure/config/config.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { SecretKeyring } from '../infrastructure/common/crypto/secret-keyring.js';
import { AppError } from '../infrastructure/common/http/app-error.js';
import type { RequestMeta } from '../infrastructure/common/http/request-meta.js';
import { AuditService } from '../audit/audit.service.js';
import { SYSTEM_ACTOR, type Actor } from '../audit/audit.types.js';
import { ClusterEventsService } from '../infrastructure/cluster-events/cluster-events.service.js';
import { withTimeout } from '../mail-auth/with-timeout.js';

export interface AuthenticatedServiceToken {
  readonly id: string;
  readonly name: string;
}

/** The token seeded from MAILGATE_MAIL_TOKEN. */
export const LOCAL_TOKEN_NAME = 'local';
const TOKEN_PREFIX = 'mgt_';
const MIN_BEARER_LENGTH = 32;
const MAX_BEARER_LENGTH = 256;
/** A verified token is trusted this long without asking the database (revocation also pushes). */
const CACHE_MS = 30_000;
const MAX_CACHE_ENTRIES = 1_000;
const LAST_USED_THROTTLE_MS = 60_000;
/**
 * After a lookup failed, this long the database is not asked again for tokens known good:
 * while it hangs, every mail login would otherwise spend its wait here before the decision
 * even starts (and the decision has its own MAIL_AUTH_DB_TIMEOUT_MS).
 */
const DATABASE_BACKOFF_MS = 1_000;
/** With a known-good answer in hand, the database gets this share of the mail deadline. */
const KNOWN_GOOD_WAIT_SHARE = 0.25;

/**
 * Per-mail-server API tokens. Only an HMAC of each token is stored; the token itself is shown
 * once at creation. Mail servers call on every login, so verified tokens are kept in memory for
 * a short while, and a revocation anywhere (API or CLI) drops them on every instance at once.
 */
@Injectable()
export class ServiceTokensService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('ServiceTokens');
  private readonly cache = new Map<string, { token: AuthenticatedServiceToken | null; until: number }>();
  private readonly lastUsedWrites = new Map<string, number>();
  /**
   * Tokens last seen valid and when, used only while the database cannot be asked, and only
   * for SERVICE_TOKEN_GRACE_SECONDS after that. That is safe: with the database away every
   * decision answers tempfail or from state verified earlier, a revocation clears this map on
   * every instance that hears it, and this way the mail servers keep getting answers (not a
   * hang) and the attempt is still attributed to its mail server.
   */
  private readonly lastKnownGood = new Map<string, { token: AuthenticatedServiceToken; verifiedAt: number }>();
  private databaseFailedAt = Number.NEGATIVE_INFINITY;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly prisma: PrismaService,
    private readonly keyring: SecretKeyring,
    private readonly audit: AuditService,
    private readonly clusterEvents: ClusterEventsService,
  ) {}

  onModuleInit(): void {
    this.clusterEvents.subscribe('service-tokens-changed', () => {
      this.cache.clear();
      this.lastKnownGood.clear();
    });
    this.clusterEvents.onReconnect(() => this.cache.clear());
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.MAILGATE_MAIL_TOKEN) return;
    try {
      await this.seedLocalToken(this.config.MAILGATE_MAIL_TOKEN);
    } catch (error) {
      this.logger.error({ err: error }, 'could not seed the MAILGATE_MAIL_TOKEN service token');
    }
  }

  async create(input: {
    name: string;
    actor: Actor;
    meta: RequestMeta | null;
  }): Promise<{ id: string; token: string }> {
    if (!ZServiceTokenName.safeParse(input.name).success)
      throw new AppError(ServiceTokensErrors.SERVICE_TOKEN_NAME_INVALID);
    const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const id = await this.prisma.$transaction(async (tx) => {
      if (await tx.serviceToken.findUnique({ where: { name: input.name } })) {
        throw new AppError(ServiceTokensErrors.SERVICE_TOKEN_NAME_TAKEN);
      }
      const created = await tx.serviceToken.create({
        data: {
          name: input.name,
          tokenHash: this.keyring.hash('service-token', token),
          createdById: input.actor.userId,
        },
      });
      await this.audit.record(tx, {
        actor: input.actor,
        action: 'service_token.created',
        after: { id: created.id, name: created.name },
        meta: input.meta,
      });
      return created.id;
    });
    return { id, token };
  }

  async list(): Promise<ServiceTokenView[]> {
    const tokens = await this.prisma.serviceToken.findMany({ orderBy: { createdAt: 'asc' } });
    return tokens.map((token) => ({
      id: token.id,
      name: token.name,
      createdAt: token.createdAt.toISOString(),
      lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
      revokedAt: token.revokedAt?.toISOString() ?? null,
    }));
  }

  async revoke(input: { id: string; actor: Actor; meta: RequestMeta | null }): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const token = await tx.serviceToken.findUnique({ where: { id: input.id } });
      if (!token) throw new AppError(ServiceTokensErrors.SERVICE_TOKEN_NOT_FOUND);
      if (token.revokedAt) return;
      await tx.serviceToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
      await this.audit.record(tx, {
        actor: input.actor,
        action: 'service_token.revoked',
        before: { id: token.id, name: token.name },
        meta: input.meta,
      });
    });
    this.cache.clear();
    this.lastKnownGood.clear();
    await this.clusterEvents.publish('service-tokens-changed', {});
  }

  /** The token's identity, or null when the bearer is unknown or revoked. */
  async authenticate(bearer: string): Promise<AuthenticatedServiceToken | null> {
    // Env-seeded tokens may lack the mgt_ prefix, so only the length is checked before hashing.
    if (bearer.length < MIN_BEARER_LENGTH || bearer.length > MAX_BEARER_LENGTH) return null;
    // Keyed by the bearer itself: this process holds it anyway while serving the request, and the
    // hit path (every mail login) then costs a map lookup instead of an HMAC.
    const cacheKey = bearer;
    const now = Date.now();
    const cached = this.cache.get(cacheKey);
    if (cached && cached.until > now && this.clusterEvents.isListening()) {
      if (cached.token) this.touch(cached.token.id, now);
      return cached.token;
    }
    const known = this.lastKnownGood.get(cacheKey);
    const usable = known && now - known.verifiedAt <= this.config.SERVICE_TOKEN_GRACE_SECONDS * 1_000 ? known : null;
    // The database failed a moment ago: answer from what it said before instead of waiting again.
    if (usable && now - this.databaseFailedAt < DATABASE_BACKOFF_MS) return usable.token;
    let row: { id: string; name: string } | null;
    try {
      row = await withTimeout(
        this.findActive(bearer),
        usable
          ? Math.ceil(this.config.MAIL_AUTH_DB_TIMEOUT_MS * KNOWN_GOOD_WAIT_SHARE)
          : this.config.MAIL_AUTH_DB_TIMEOUT_MS,
        'checking the service token',
      );
    } catch (error) {
      this.databaseFailedAt = Date.now();
      if (usable) return usable.token;
      // Unknown here and the database cannot say: the caller answers tempfail, never a guess.
      throw error;
    }
    const token = row ? { id: row.id, name: row.name } : null;
    if (token && (this.lastKnownGood.has(cacheKey) || this.lastKnownGood.size < MAX_CACHE_ENTRIES)) {
      this.lastKnownGood.set(cacheKey, { token, verifiedAt: now });
    }
    if (!token) this.lastKnownGood.delete(cacheKey);
    if (this.cache.size >= MAX_CACHE_ENTRIES) this.cache.clear();
    this.cache.set(cacheKey, { token, until: now + CACHE_MS });
    if (token) this.touch(token.id, now);
    return token;
  }

  private findActive(bearer: string): Promise<{ id: string; name: string } | null> {
    return this.prisma.serviceToken.findFirst({
      where: { tokenHash: { in: this.keyring.candidateHashes('service-token', bearer) }, revokedAt: null },
      select: { id: true, name: true },
    });
  }

  private touch(id: string, now: number): void {
    if (now - (this.lastUsedWrites.get(id) ?? 0) < LAST_USED_THROTTLE_MS) return;
    this.lastUsedWrites.set(id, now);
    this.prisma.serviceToken
      .update({ where: { id }, data: { lastUsedAt: new Date(now) } })
      .catch((error: unknown) => this.logger.warn({ err: error }, 'could not record service token use'));
  }

  /** Idempotent: an unchanged env token leaves the row alone; a changed one replaces its hash. */
  private async seedLocalToken(token: string): Promise<void> {
    const tokenHash = this.keyring.hash('service-token', token);
    const existing = await this.prisma.serviceToken.findUnique({ where: { name: LOCAL_TOKEN_NAME } });
    if (existing && this.keyring.verifyHash('service-token', token, existing.tokenHash)) return;
    await this.prisma.$transaction(async (tx) => {
      if (existing) {
        await tx.serviceToken.update({ where: { id: existing.id }, data: { tokenHash, revokedAt: null } });
      } else {
        await tx.serviceToken.createMany({ data: [{ name: LOCAL_TOKEN_NAME, tokenHash }], skipDuplicates: true });
      }
      await this.audit.record(tx, {
        actor: SYSTEM_ACTOR,
        action: existing ? 'service_token.replaced_from_env' : 'service_token.created_from_env',
        after: { name: LOCAL_TOKEN_NAME },
        meta: null,
      });
    });
    this.cache.clear();
  }
}
