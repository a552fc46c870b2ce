import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  normaliseEmail,
  normalisePassword,
  type MailAuthRequest,
  type MailAuthResponse,
  type MailProtocol,
  type MailProtocolLookupResponse,
  type MailUserLookupResponse,
} from '@mailgate/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Clock } from '../common/clock/clock.js';
import { BruteForceService, type LockCheck, type LoginSubject } from '../auth-locks/brute-force.service.js';
import { bruteForceKeys } from '../auth-locks/brute-force.policy.js';
import { LockStore } from '../auth-locks/lock-store.js';
import { clientIpKey } from '../auth-locks/client-ip.js';
import { LoginAttemptRecorder } from '../login-attempts/login-attempt-recorder.js';
import { GlobalSettingsService } from '../settings/global-settings.service.js';
import { ClusterEventsService } from '../cluster-events/cluster-events.service.js';
import type { Protocol } from '../generated/prisma/enums.js';
import { CredentialVerifier } from './credential-verifier.js';
import { DecisionStateCache } from './decision-state-cache.js';
import {
  decide,
  isCredentialFailure,
  protocolAccess,
  type CredentialCheck,
  type DecisionSettings,
} from './decision-rules.js';
import { MailAuthTempfailError } from './mail-auth-tempfail.js';
import { userdbFields } from './userdb-fields.js';
import { withTimeout } from './with-timeout.js';
import type { UserDecisionState } from './user-decision-state.js';

const TO_PROTOCOL: Record<MailProtocol, Protocol> = { imap: 'IMAP', pop3: 'POP3', smtp: 'SMTP' };

/**
 * Answers the mail servers: loads what it needs (lock marks, the user's decision state and the
 * settings, from memory when it can), verifies the credential, applies the rules of
 * decision-rules.ts, and hands the attempt to the recorder and the brute-force counters.
 */
@Injectable()
export class MailAuthService {
  private readonly logger = new Logger('MailAuth');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly bruteForce: BruteForceService,
    private readonly lockStore: LockStore,
    private readonly states: DecisionStateCache,
    private readonly credentials: CredentialVerifier,
    private readonly recorder: LoginAttemptRecorder,
    private readonly settings: GlobalSettingsService,
    private readonly clusterEvents: ClusterEventsService,
  ) {}

  async decide(request: MailAuthRequest, serviceTokenId: string): Promise<MailAuthResponse> {
    const now = this.clock.now();
    const login = normaliseEmail(request.username);
    const password = normalisePassword(request.password);
    const protocol = TO_PROTOCOL[request.protocol];
    const subject: LoginSubject = { family: 'MAIL', login, ipKey: clientIpKey(request.clientIp) ?? request.clientIp };
    const attempt = { request, protocol, serviceTokenId, now };

    let lockCheck: LockCheck;
    let user: UserDecisionState | null;
    let settings: DecisionSettings;
    let credential: CredentialCheck | undefined;
    try {
      [lockCheck, user, settings] = await withTimeout(
        Promise.all([this.bruteForce.check(subject, now), this.states.get(login, now), this.decisionSettings()]),
        this.config.MAIL_AUTH_DB_TIMEOUT_MS,
        'loading the decision state',
      );
      if (!lockCheck.locked) {
        credential = await this.credentials.verify(user, password, protocol, now, this.clusterEvents.isListening());
      }
    } catch (error) {
      this.record(attempt, null, 'TEMPFAIL', 'TEMPFAIL', undefined);
      throw new MailAuthTempfailError(error);
    }

    const outcome = decide({
      lock: lockCheck.locked,
      credential,
      user,
      protocol,
      secured: request.secured,
      now,
      settings,
    });
    this.record(attempt, user, outcome.decision === 'allow' ? 'ALLOW' : 'DENY', outcome.reason, credential);

    if (credential?.valid) {
      this.bruteForce
        .recordSuccess(subject, lockCheck, now)
        .catch((error: unknown) => this.logger.warn({ err: error }, 'could not record a successful login'));
    } else if (isCredentialFailure(outcome.reason)) {
      // Awaited: the next attempt must already see a lock this failure caused.
      // Bounded too: a hung database or Redis must not hold the answer (a deny either way).
      await withTimeout(
        this.bruteForce.recordFailure(subject, { userId: user?.userId ?? null, familiar: lockCheck.familiar }, now),
        this.config.MAIL_AUTH_DB_TIMEOUT_MS,
        'counting a failed login',
      ).catch((error: unknown) => this.logger.warn({ err: error }, 'could not count a failed login'));
    }

    if (outcome.decision === 'deny' || !user || !credential?.valid)
      return { decision: 'deny', reason: outcome.reason === 'OK' ? 'AUTH_FAILED' : outcome.reason };
    if (credential.kind === 'app-password') {
      this.recorder.noteAppPasswordUse(credential.appPassword.id, { at: now, ip: request.clientIp, protocol });
    }
    return {
      decision: 'allow',
      user: user.email,
      credential: credential.kind,
      userdb: userdbFields(this.config, user, { includePop3Flag: protocol === 'POP3' }),
    };
  }

  /** A request that broke the contract: recorded when it names a login, off the response path. */
  recordInvalidRequest(username: string | null, body: unknown, serviceTokenId: string): void {
    if (username === null) return;
    const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const protocol = typeof fields.protocol === 'string' ? TO_PROTOCOL[fields.protocol as MailProtocol] : undefined;
    const now = this.clock.now();
    const login = normaliseEmail(username.toWellFormed());
    this.states
      .get(login, now)
      .catch(() => null)
      .then((user) =>
        this.recorder.record({
          userId: user?.userId ?? null,
          loginAsTyped: username,
          protocol: protocol ?? null,
          clientIp: typeof fields.clientIp === 'string' ? fields.clientIp : null,
          secured: fields.secured === true,
          result: 'DENY',
          reasonCode: 'INVALID_REQUEST',
          credential: 'NONE',
          appPasswordId: null,
          serviceTokenId,
          createdAt: now,
        }),
      )
      .catch((error: unknown) => this.logger.warn({ err: error }, 'could not record an invalid request'));
  }

  async protocolLookup(email: string, mailProtocol: MailProtocol): Promise<MailProtocolLookupResponse> {
    const now = this.clock.now();
    const login = normaliseEmail(email);
    const protocol = TO_PROTOCOL[mailProtocol];
    const [user, settings, [accountLock]] = await this.withDatabase(
      Promise.all([
        this.states.get(login, now),
        this.decisionSettings(),
        this.lockStore.getMany([bruteForceKeys('MAIL', login, '').accountLock]),
      ]),
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

  private async decisionSettings(): Promise<DecisionSettings> {
    const settings = await this.settings.get();
    return {
      requireTls: settings.requireTlsForProtocols,
      allowMainPasswordWithout2fa: settings.allowMainPasswordWithout2fa,
      defaultEnabled: {
        IMAP: settings.defaultImapEnabled,
        POP3: settings.defaultPop3Enabled,
        SMTP: settings.defaultSmtpEnabled,
      },
    };
  }

  private record(
    attempt: { request: MailAuthRequest; protocol: Protocol; serviceTokenId: string; now: Date },
    user: UserDecisionState | null,
    result: 'ALLOW' | 'DENY' | 'TEMPFAIL',
    reasonCode: string,
    credential: CredentialCheck | undefined,
  ): void {
    this.recorder.record({
      userId: user?.userId ?? null,
      loginAsTyped: attempt.request.username,
      protocol: attempt.protocol,
      clientIp: attempt.request.clientIp,
      secured: attempt.request.secured,
      result,
      reasonCode,
      credential: credential?.valid ? (credential.kind === 'app-password' ? 'APP_PASSWORD' : 'PASSWORD') : 'NONE',
      appPasswordId: credential?.valid && credential.kind === 'app-password' ? credential.appPassword.id : null,
      serviceTokenId: attempt.serviceTokenId,
      createdAt: attempt.now,
    });
  }
}
