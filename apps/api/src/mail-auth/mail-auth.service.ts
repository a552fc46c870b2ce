import { performance } from 'node:perf_hooks';
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
import { APP_CONFIG, type AppConfig } from '../infrastructure/config/config.js';
import { Clock } from '../infrastructure/common/clock/clock.js';
import {
  BruteForceService,
  type Admission,
  type LockMarks,
  type LoginSubject,
  type Reservation,
} from '../auth-locks/brute-force.service.js';
import { bruteForceKeys } from '../auth-locks/brute-force.policy.js';
import { LockStore } from '../auth-locks/lock-store.js';
import { clientIpKey } from '../auth-locks/client-ip.js';
import { LoginAttemptRecorder } from '../login-attempts/login-attempt-recorder.js';
import { GlobalSettingsService } from '../settings/global-settings.service.js';
import { ClusterEventsService } from '../infrastructure/cluster-events/cluster-events.service.js';
import { MailgateMetrics } from '../infrastructure/metrics/mailgate-metrics.js';
import type { Protocol } from '../generated/prisma/enums.js';
import { CredentialVerifier } from './credential-verifier.js';
import { DecisionStateCache } from './decision-state-cache.js';
import {
  decide,
  protocolAccess,
  readableRefusal,
  type CredentialCheck,
  type DecisionSettings,
} from './decision-rules.js';
import { LruCache } from './lru-cache.js';
import { MailAuthTempfailError } from './mail-auth-tempfail.js';
import { userdbFields } from './userdb-fields.js';
import { withTimeout } from './with-timeout.js';
import { SecurityVersionStore } from './security-version.store.js';
import { DecisionFreshness } from './decision-freshness.js';
import type { UserDecisionState } from './user-decision-state.js';

const TO_PROTOCOL: Record<MailProtocol, Protocol> = { imap: 'IMAP', pop3: 'POP3', smtp: 'SMTP' };
const NO_RESERVATION: Reservation = { pair: null, ip: null, account: null };
/** Logins resolved recently, so a tempfail row can still name its user. */
const KNOWN_USER_IDS = 100_000;
/**
 * An allow whose version was read longer ago than this (argon2id ran, or the instance is busy)
 * reads it again first, so a change acknowledged meanwhile cannot be outrun.
 */
const VERSION_READ_MAX_AGE_MS = 2;

interface Prepared {
  readonly marks: LockMarks;
  readonly settings: DecisionSettings;
  /** A matching app password (found without argon2id); undefined for a main-password attempt. */
  readonly credential: CredentialCheck | undefined;
  /** The brute-force admission of a main-password attempt; null for an app password. */
  readonly admission: Admission | null;
}

/**
 * Answers the mail servers: loads what it needs (lock marks, the user's decision state and the
 * settings, from memory when it can), verifies the credential, applies the rules of
 * decision-rules.ts, and hands the attempt to the recorder and the brute-force counters.
 */
@Injectable()
export class MailAuthService {
  private readonly logger = new Logger('MailAuth');
  private readonly knownUserIds = new LruCache<string, string>(KNOWN_USER_IDS);

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
    private readonly metrics: MailgateMetrics,
    private readonly versions: SecurityVersionStore,
    private readonly freshness: DecisionFreshness,
  ) {}

  async decide(request: MailAuthRequest, serviceTokenId: string): Promise<MailAuthResponse> {
    const now = this.clock.now();
    const login = normaliseEmail(request.username);
    const password = normalisePassword(request.password);
    const protocol = TO_PROTOCOL[request.protocol];
    const subject: LoginSubject = { family: 'MAIL', login, ipKey: clientIpKey(request.clientIp) ?? request.clientIp };
    const attempt = { request, protocol, serviceTokenId, now };

    let user: UserDecisionState | null | undefined;
    let prepared: Prepared;
    let credential: CredentialCheck | undefined;
    const versionReadAt = performance.now();
    try {
      prepared = await withTimeout(
        this.prepare(subject, login, password, now, (state) => (user = state)),
        this.config.MAIL_AUTH_DB_TIMEOUT_MS,
        'loading the decision state',
      );
      credential = prepared.credential;
      if (!credential && !prepared.admission?.locked) {
        credential = await this.credentials.verifyMainPassword(
          user ?? null,
          password,
          protocol,
          now,
          this.clusterEvents.isListening(),
        );
      }
    } catch (error) {
      // The state may be unknown, but a login we recently resolved keeps its user, so the owner
      // and support see the tempfail on the activity page.
      this.record(attempt, user?.userId ?? this.knownUserIds.get(login) ?? null, 'TEMPFAIL', 'TEMPFAIL', undefined);
      throw new MailAuthTempfailError(error);
    }
    const { marks, settings, admission } = prepared;
    let state = user ?? null;
    const rules = { lock: admission?.locked ?? null, protocol, secured: request.secured, now, settings };

    let outcome = decide({ ...rules, credential, user: state });
    if (outcome.decision === 'allow' && state && performance.now() - versionReadAt > VERSION_READ_MAX_AGE_MS) {
      try {
        ({ state, credential, outcome } = await withTimeout(
          this.freshness.recheckBeforeAllow(login, password, state, credential, rules),
          this.config.MAIL_AUTH_DB_TIMEOUT_MS,
          're-checking the security version',
        ));
      } catch (error) {
        this.record(attempt, state.userId, 'TEMPFAIL', 'TEMPFAIL', undefined);
        if (admission) void this.bruteForce.release(subject, admission.reservation).catch(() => undefined);
        throw new MailAuthTempfailError(error);
      }
    }
    this.record(
      attempt,
      state?.userId ?? null,
      outcome.decision === 'allow' ? 'ALLOW' : 'DENY',
      outcome.reason,
      credential,
    );
    const valid = credential?.valid === true;
    // The reason of a refusal after a valid credential is shown to mail clients (nologin): only
    // where it cannot confirm a guessed password, see readableRefusal().
    const readable = readableRefusal(credential, admission);

    if (outcome.decision === 'allow' && state) {
      this.bruteForce
        .recordSuccess(subject, marks, admission?.reservation ?? NO_RESERVATION, state.userId, now)
        .catch((error: unknown) => this.logger.warn({ err: error }, 'could not record a successful login'));
    } else if (admission && !admission.locked) {
      // A wrong credential, or a valid one whose refusal must look like a wrong one (else the
      // lock would come one guess later and give the right guess away). Awaited: the next
      // attempt must already see a lock this failure caused. Bounded too: a hung database or
      // Redis must not hold the answer (a deny either way).
      const counting =
        valid && readable
          ? this.bruteForce.release(subject, admission.reservation)
          : this.bruteForce.recordFailure(subject, admission, state?.userId ?? null, now);
      await withTimeout(counting, this.config.MAIL_AUTH_DB_TIMEOUT_MS, 'counting a failed login').catch(
        (error: unknown) => this.logger.warn({ err: error }, 'could not count a failed login'),
      );
    }

    if (outcome.decision === 'deny' || !state || !credential?.valid) {
      const shown = outcome.reason === 'OK' || (valid && !readable) ? 'AUTH_FAILED' : outcome.reason;
      return { decision: 'deny', reason: shown };
    }
    if (credential.kind === 'app-password') {
      this.recorder.noteAppPasswordUse(credential.appPassword.id, { at: now, ip: request.clientIp, protocol });
    }
    return {
      decision: 'allow',
      user: state.email,
      credential: credential.kind,
      userdb: userdbFields(this.config, state, { includePop3Flag: protocol === 'POP3' }),
    };
  }

  /**
   * Everything before the credential's slow check, within the database deadline: lock marks,
   * the user's state, settings; then either a matching app password (no lock applies to it) or
   * the brute-force admission of a main-password attempt.
   */
  private async prepare(
    subject: LoginSubject,
    login: string,
    password: string,
    now: Date,
    onUser: (user: UserDecisionState | null) => void,
  ): Promise<Prepared> {
    const [read, cached, settings] = await Promise.all([
      this.bruteForce.readMarksWith(subject, [this.versions.key(login)]),
      this.states.get(login, now).then((state) => {
        onUser(state);
        if (state) this.knownUserIds.set(login, state.userId);
        return state;
      }),
      this.decisionSettings(),
    ]);
    const marks = read.marks;
    const user = await this.freshness.state(
      login,
      cached,
      { version: read.extra[0] ?? null, shared: read.shared },
      now,
    );
    onUser(user);
    const appPassword = this.credentials.matchAppPassword(user, password);
    if (appPassword) return { marks, settings, credential: appPassword, admission: null };
    const admission = await this.bruteForce.admit(subject, marks, user?.userId ?? null, now);
    return { marks, settings, credential: undefined, admission };
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
    const [cached, settings, read] = await this.withDatabase(
      Promise.all([
        this.states.get(login, now),
        this.decisionSettings(),
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
    userId: string | null,
    result: 'ALLOW' | 'DENY' | 'TEMPFAIL',
    reasonCode: string,
    credential: CredentialCheck | undefined,
  ): void {
    this.metrics.mailDecisions.inc({
      protocol: attempt.request.protocol,
      decision: result.toLowerCase(),
      reason: reasonCode,
    });
    this.recorder.record({
      userId,
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
