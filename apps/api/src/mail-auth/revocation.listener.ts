import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import { AccountEventsService, type AccountChange } from '../account-events/account-events.service.js';
import { ClusterEventsService } from '../cluster-events/cluster-events.service.js';
import { AuthLocksService } from '../auth-locks/auth-locks.service.js';
import { Clock } from '../common/clock/clock.js';
import { CredentialVerifier } from './credential-verifier.js';
import { DecisionStateCache } from './decision-state-cache.js';
import { DoveadmClient } from './doveadm.client.js';
import { loadUserDecisionState, type UserDecisionState } from './user-decision-state.js';

const PROTOCOLS = ['IMAP', 'POP3', 'SMTP'] as const;

/**
 * Makes every security change count at once: evicts the user's cached decision state here,
 * tells every other instance to do the same, and has Dovecot flush its cached answers and (when
 * access was taken away) close the user's open IMAP/POP3 sessions.
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
    private readonly clock: Clock,
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
      // Dovecot's cache (when an operator turned it on) must not answer past a new lock.
      this.locks.onLockSet((lock) => void this.doveadm.authCacheFlush(lock.login ? [lock.login] : [])),
    );
  }

  onModuleDestroy(): void {
    for (const unsubscribe of this.unsubscribers) unsubscribe();
  }

  private async onLocalChange(change: AccountChange): Promise<void> {
    const before = this.states.peekByUserId(change.userId);
    this.states.evictUser(change.userId);
    await this.clusterEvents
      .publish('account-changed', { userId: change.userId, securityVersion: change.securityVersion })
      .catch((error: unknown) => this.logger.error({ err: error }, 'could not broadcast an account change'));
    if (!this.doveadm.enabled) return;
    const user = await this.prisma.user.findUnique({ where: { id: change.userId }, select: { email: true } });
    if (!user) return;
    const after = await loadUserDecisionState(this.prisma, user.email, this.clock.now());
    // Flush always (access turned on must not be answered from a cached refusal either);
    // kick only when something was taken away, or when we cannot tell.
    const tasks: Promise<boolean>[] = [this.doveadm.authCacheFlush([user.email])];
    if (change.kind !== 'lock' && (!before || !after || takesAccessAway(before, after))) {
      tasks.push(this.doveadm.kick(user.email));
    }
    await Promise.all(tasks);
  }
}

/** True when the change removed something the user could log in with, or the login itself. */
export function takesAccessAway(before: UserDecisionState, after: UserDecisionState): boolean {
  if (after.disabled && !before.disabled) return true;
  if (after.totpEnabled && !before.totpEnabled) return true;
  if (after.passwordHash !== before.passwordHash || after.email !== before.email) return true;
  for (const protocol of PROTOCOLS) {
    const was = before.protocols[protocol];
    const is = after.protocols[protocol];
    // No stored choice means "the global default", which may have been on: treat as maybe-on.
    if (is && !is.enabled && (!was || was.enabled)) return true;
    if (is?.enabledUntil && (!was?.enabledUntil || is.enabledUntil < was.enabledUntil)) return true;
  }
  for (const appPassword of before.appPasswords) {
    if (appPassword.revokedAt) continue;
    const current = after.appPasswords.find((candidate) => candidate.id === appPassword.id);
    if (!current || current.revokedAt) return true;
    if (current.scopes.length < appPassword.scopes.length) return true;
  }
  return false;
}
