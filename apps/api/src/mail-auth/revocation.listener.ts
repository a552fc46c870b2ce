import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { PROTOCOLS, type Protocol } from '@mailgate/contracts';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { AccountEventsService, type AccountChange } from '../account-events/account-events.service.js';
import { ClusterEventsService } from '../infrastructure/cluster-events/cluster-events.service.js';
import { AuthLocksService } from '../auth-locks/auth-locks.service.js';
import { CredentialVerifier } from './credential-verifier.js';
import { DecisionStateCache } from './decision-state-cache.js';
import { DoveadmClient } from './doveadm.client.js';
import { SecurityVersionStore } from './security-version.store.js';
import { RedisService } from '../infrastructure/redis/redis.service.js';

/** What the kick rule needs to know about the user after the change. */
export interface AccountAfterChange {
  readonly disabled: boolean;
  readonly totpEnabled: boolean;
}

/**
 * Makes every security change count at once: evicts the user's cached decision state here,
 * tells every other instance to do the same, and has Dovecot flush its cached answers and (when
 * access was taken away) close the user's open sessions of the protocols affected.
 */
@Injectable()
export class RevocationListener implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('MailRevocation');
  private readonly unsubscribers: (() => void)[] = [];

  constructor(
    private readonly prisma: PrismaService,
    private readonly accountEvents: AccountEventsService,
    private readonly clusterEvents: ClusterEventsService,
    private readonly locks: AuthLocksService,
    private readonly states: DecisionStateCache,
    private readonly credentials: CredentialVerifier,
    private readonly doveadm: DoveadmClient,
    private readonly versions: SecurityVersionStore,
    private readonly redis: RedisService,
  ) {}

  onModuleInit(): void {
    this.unsubscribers.push(
      this.accountEvents.subscribe((change) => this.onLocalChange(change)),
      this.clusterEvents.subscribe('account-changed', (payload) => {
        if (typeof payload.userId === 'string') this.states.evictUser(payload.userId);
      }),
      this.clusterEvents.onReconnect(() => {
        this.states.clear();
        this.credentials.clear();
      }),
      // Changes made while Redis was away raised no mark: states cached before them (and not
      // used meanwhile, so never compared with PostgreSQL) must not be trusted on a missing mark.
      this.redis.onReconnect(() => this.states.clear()),
      // Dovecot's cache (when an operator turned it on) must not answer past a new lock. An IP
      // lock concerns every user: the empty list flushes the whole cache.
      this.locks.onLockSet((lock) => void this.doveadm.authCacheFlush(lock.login ? [lock.login] : [])),
    );
  }

  onModuleDestroy(): void {
    for (const unsubscribe of this.unsubscribers) unsubscribe();
  }

  private async onLocalChange(change: AccountChange): Promise<void> {
    this.states.evictUser(change.userId);
    const user = await this.prisma.user.findUnique({
      where: { id: change.userId },
      select: { email: true, disabledAt: true, totpEnabledAt: true },
    });
    // The mark is what makes the change hold on every instance before the user hears it did; the
    // NOTIFY evicts caches (and reaches instances whose Redis is away, which read PostgreSQL).
    await Promise.all([
      user &&
        this.versions
          .announce(user.email, change.securityVersion)
          .catch((error: unknown) => this.logger.error({ err: error }, 'could not announce an account change')),
      this.clusterEvents
        .publish('account-changed', { userId: change.userId, securityVersion: change.securityVersion })
        .catch((error: unknown) => this.logger.error({ err: error }, 'could not broadcast an account change')),
    ]);
    if (!this.doveadm.enabled || !user) return;
    const closing = protocolsToClose(change, {
      disabled: user.disabledAt !== null,
      totpEnabled: user.totpEnabledAt !== null,
    });
    // Flush always (access turned on must not be answered from a cached refusal either), and
    // before the kick: a kicked client reconnects at once and must not be let in from the cache.
    await this.doveadm.authCacheFlush([user.email]);
    if (closing.length > 0) await this.doveadm.kick(user.email, closing);
  }
}

/**
 * The protocols whose open sessions a change must close: what the publisher named, or by kind.
 * Never "when we cannot tell": turning something on, a lock or a role change closes nothing.
 */
export function protocolsToClose(change: AccountChange, after: AccountAfterChange): readonly Protocol[] {
  if (change.endsAccess) return change.endsAccess;
  switch (change.kind) {
    // The old password no longer logs in anywhere.
    case 'password':
      return PROTOCOLS;
    // 2FA on: the main password stops working for mail programs. 2FA off takes nothing away.
    case 'totp':
      return after.totpEnabled ? PROTOCOLS : [];
    case 'account-status':
      return after.disabled ? PROTOCOLS : [];
    // Their publishers name the protocols; one that does not is treated as taking all away.
    case 'protocol-access':
    case 'app-password':
      return PROTOCOLS;
    // Passkeys never log in to mail programs, and adding one does not switch mail programs off.
    case 'passkey':
    case 'lock':
    case 'role':
      return [];
  }
}
