import { performance } from 'node:perf_hooks';
import { Inject, Injectable } from '@nestjs/common';
import { normaliseEmail, normalisePassword, type MailAuthRequest, type MailAuthResponse } from '@mailgate/contracts';
import type { LoginSubject } from '../auth-locks/brute-force.service.js';
import { clientIpKey } from '../auth-locks/client-ip.js';
import { ClusterEventsService } from '../infrastructure/cluster-events/cluster-events.service.js';
import { Clock } from '../infrastructure/common/clock/clock.js';
import { APP_CONFIG, type AppConfig } from '../infrastructure/config/config.js';
import { AttemptCounting } from './attempt-counting.js';
import { CredentialVerifier } from './credential-verifier.js';
import { DecisionFreshness, type CheckedDecision } from './decision-freshness.js';
import { DecisionInputsLoader, type DecisionInputs } from './decision-inputs.js';
import { DecisionRecorder, type MailAttempt } from './decision-recorder.js';
import { decide, readableRefusal, type CredentialCheck } from './decision-rules.js';
import { MailAuthTempfailError } from './mail-auth-tempfail.js';
import { toProtocol } from './mail-protocol.js';
import type { UserDecisionState } from './user-decision-state.js';
import { userdbFields } from './userdb-fields.js';
import { withTimeout } from './with-timeout.js';

/**
 * An allow whose version was read longer ago than this (argon2id ran, or the instance is busy)
 * reads it again first, so a change acknowledged meanwhile cannot be outrun.
 */
const VERSION_READ_MAX_AGE_MS = 2;

/** A mail login being decided: the request, normalised as on the web. */
interface MailLogin extends MailAttempt {
  readonly login: string;
  readonly password: string;
  readonly subject: LoginSubject;
}

/** What the decision rests on once the credential was checked. */
interface CheckedLogin {
  readonly inputs: DecisionInputs;
  readonly user: UserDecisionState | null;
  readonly credential: CredentialCheck | undefined;
  /** When the user's security version was read (performance.now()). */
  readonly versionReadAt: number;
}

/** The outcome and what it was decided on (no state: the login names no account). */
type RuledDecision = Omit<CheckedDecision, 'state'> & { readonly state: UserDecisionState | null };

/**
 * Answers a mail server's login: load the inputs and check the credential (DecisionInputsLoader,
 * CredentialVerifier), apply the rules of decision-rules.ts on state that is fresh enough
 * (DecisionFreshness), record the outcome (DecisionRecorder), count it against brute force
 * (AttemptCounting), and answer. Any failure to load or re-check is a tempfail.
 */
@Injectable()
export class MailAuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly inputs: DecisionInputsLoader,
    private readonly credentials: CredentialVerifier,
    private readonly freshness: DecisionFreshness,
    private readonly recorder: DecisionRecorder,
    private readonly counting: AttemptCounting,
    private readonly clusterEvents: ClusterEventsService,
  ) {}

  async decide(request: MailAuthRequest, serviceTokenId: string): Promise<MailAuthResponse> {
    const mailLogin = this.normalised(request, serviceTokenId);
    const checked = await this.checkCredential(mailLogin);
    const { state, credential, outcome } = await this.applyRules(mailLogin, checked);
    this.recorder.record(
      mailLogin,
      state?.userId ?? null,
      outcome.decision === 'allow' ? 'ALLOW' : 'DENY',
      outcome.reason,
      credential,
    );
    const { subject, now } = mailLogin;
    const { admission } = checked.inputs;
    const valid = credential?.valid === true;
    // The reason of a refusal after a valid credential is shown to mail clients (nologin): only
    // where it cannot confirm a guessed password, see readableRefusal().
    const readable = readableRefusal(credential, admission);

    if (outcome.decision === 'allow' && state) {
      this.counting.succeeded(subject, checked.inputs, state.userId, now);
    } else {
      await this.counting.refused(subject, admission, state?.userId ?? null, now, !(valid && readable));
    }

    if (outcome.decision === 'deny' || !state || !credential?.valid) {
      const shown = outcome.reason === 'OK' || (valid && !readable) ? 'AUTH_FAILED' : outcome.reason;
      return { decision: 'deny', reason: shown };
    }
    if (credential.kind === 'app-password') this.recorder.recordAppPasswordUse(credential.appPassword.id, mailLogin);
    return {
      decision: 'allow',
      user: state.email,
      credential: credential.kind,
      userdb: userdbFields(this.config, state, { includePop3Flag: mailLogin.protocol === 'POP3' }),
    };
  }

  private normalised(request: MailAuthRequest, serviceTokenId: string): MailLogin {
    const login = normaliseEmail(request.username);
    return {
      request,
      protocol: toProtocol(request.protocol),
      serviceTokenId,
      now: this.clock.now(),
      login,
      password: normalisePassword(request.password),
      subject: { family: 'MAIL', login, ipKey: clientIpKey(request.clientIp) ?? request.clientIp },
    };
  }

  /**
   * The inputs within the database deadline, then the credential: a matching app password was
   * found with them; otherwise the main password (argon2id), unless a lock already decided.
   */
  private async checkCredential(mailLogin: MailLogin): Promise<CheckedLogin> {
    const { login, password, protocol, now } = mailLogin;
    let user: UserDecisionState | null | undefined;
    const versionReadAt = performance.now();
    try {
      const inputs = await withTimeout(
        this.inputs.load(mailLogin.subject, login, password, now, (state) => (user = state)),
        this.config.MAIL_AUTH_DB_TIMEOUT_MS,
        'loading the decision state',
      );
      const credential =
        inputs.credential ??
        (inputs.admission?.locked
          ? undefined
          : await this.credentials.verifyMainPassword(
              user ?? null,
              password,
              protocol,
              now,
              this.clusterEvents.isListening(),
            ));
      return { inputs, user: user ?? null, credential, versionReadAt };
    } catch (error) {
      // The state may be unknown, but a login we recently resolved keeps its user, so the owner
      // and support see the tempfail on the activity page.
      const userId = user?.userId ?? this.inputs.knownUserId(login) ?? null;
      this.recorder.record(mailLogin, userId, 'TEMPFAIL', 'TEMPFAIL', undefined);
      throw new MailAuthTempfailError(error);
    }
  }

  /** The rules; an allow that rests on an aged version reading is decided again on a fresh one. */
  private async applyRules(mailLogin: MailLogin, checked: CheckedLogin): Promise<RuledDecision> {
    const { inputs, user, credential } = checked;
    const rules = {
      lock: inputs.admission?.locked ?? null,
      protocol: mailLogin.protocol,
      secured: mailLogin.request.secured,
      now: mailLogin.now,
      settings: inputs.settings,
    };
    const outcome = decide({ ...rules, credential, user });
    if (outcome.decision !== 'allow' || !user || performance.now() - checked.versionReadAt <= VERSION_READ_MAX_AGE_MS) {
      return { state: user, credential, outcome };
    }
    try {
      return await withTimeout(
        this.freshness.recheckBeforeAllow(mailLogin.login, mailLogin.password, user, credential, rules),
        this.config.MAIL_AUTH_DB_TIMEOUT_MS,
        're-checking the security version',
      );
    } catch (error) {
      this.recorder.record(mailLogin, user.userId, 'TEMPFAIL', 'TEMPFAIL', undefined);
      this.counting.abandoned(mailLogin.subject, inputs.admission);
      throw new MailAuthTempfailError(error);
    }
  }
}
