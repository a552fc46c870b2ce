import { Inject, Injectable } from '@nestjs/common';
import {
  normaliseEmail,
  type MailProtocol,
  type MailProtocolLookupResponse,
  type MailUserLookupResponse,
} from '@mailgate/contracts';
import { bruteForceKeys } from '../auth-locks/brute-force.policy.js';
import { LockStore } from '../auth-locks/lock-store.js';
import { Clock } from '../infrastructure/common/clock/clock.js';
import { APP_CONFIG, type AppConfig } from '../infrastructure/config/config.js';
import { GlobalSettingsService } from '../settings/global-settings.service.js';
import { loadDecisionSettings } from './decision-inputs.js';
import { DecisionFreshness } from './decision-freshness.js';
import { protocolAccess } from './decision-rules.js';
import { DecisionStateCache } from './decision-state-cache.js';
import { MailAuthTempfailError } from './mail-auth-tempfail.js';
import { toProtocol } from './mail-protocol.js';
import { SecurityVersionStore } from './security-version.store.js';
import { userdbFields } from './userdb-fields.js';
import { withTimeout } from './with-timeout.js';

/**
 * The mail servers' questions without a password: may this address use this protocol at all
 * (asked before a login, e.g. by Postfix), and the userdb fields of an address (for delivery).
 */
@Injectable()
export class MailLookupsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly lockStore: LockStore,
    private readonly states: DecisionStateCache,
    private readonly settings: GlobalSettingsService,
    private readonly versions: SecurityVersionStore,
    private readonly freshness: DecisionFreshness,
  ) {}

  async protocolLookup(email: string, mailProtocol: MailProtocol): Promise<MailProtocolLookupResponse> {
    const now = this.clock.now();
    const login = normaliseEmail(email);
    const protocol = toProtocol(mailProtocol);
    const [cached, settings, read] = await this.withDatabase(
      Promise.all([
        this.states.get(login, now),
        loadDecisionSettings(this.settings),
        this.lockStore.readMany([bruteForceKeys('MAIL', login, '').accountLock, this.versions.key(login)]),
      ]),
    );
    const [accountLock, version] = read.values;
    const user = await this.withDatabase(
      this.freshness.state(login, cached, { version: version ?? null, shared: read.shared }, now),
    );
    const answer = (allowed: boolean, reason: MailProtocolLookupResponse['reason']): MailProtocolLookupResponse => ({
      user: user?.email ?? login,
      protocol: mailProtocol,
      allowed,
      reason,
    });
    if (!user) return answer(false, 'USER_UNKNOWN');
    if (user.disabled) return answer(false, 'ACCOUNT_DISABLED');
    const access = protocolAccess(user, protocol, settings, now);
    if (access !== 'on') return answer(false, access === 'expired' ? 'PROTOCOL_EXPIRED' : 'PROTOCOL_DISABLED');
    if (accountLock !== null && accountLock !== undefined && accountLock > now.getTime())
      return answer(false, 'LOCKED_ACCOUNT');
    return answer(true, 'OK');
  }

  /** Null when no account has this address. A disabled account is still found (mail is delivered). */
  async userLookup(email: string): Promise<MailUserLookupResponse | null> {
    const user = await this.withDatabase(this.states.get(normaliseEmail(email), this.clock.now()));
    return user ? { user: user.email, userdb: userdbFields(this.config, user, { includePop3Flag: true }) } : null;
  }

  private async withDatabase<T>(work: Promise<T>): Promise<T> {
    try {
      return await withTimeout(work, this.config.MAIL_AUTH_DB_TIMEOUT_MS, 'mail lookup');
    } catch (error) {
      throw new MailAuthTempfailError(error);
    }
  }
}
