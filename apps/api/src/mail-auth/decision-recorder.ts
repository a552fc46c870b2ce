import { Injectable, Logger } from '@nestjs/common';
import { normaliseEmail, type MailAuthRequest } from '@mailgate/contracts';
import { Clock } from '../infrastructure/common/clock/clock.js';
import { MailgateMetrics } from '../infrastructure/metrics/mailgate-metrics.js';
import { LoginAttemptRecorder } from '../login-attempts/login-attempt-recorder.js';
import type { Protocol } from '../generated/prisma/enums.js';
import { DecisionStateCache } from './decision-state-cache.js';
import type { CredentialCheck } from './decision-rules.js';
import { protocolIfKnown } from './mail-protocol.js';

/** One request of a mail server, as the records name it. */
export interface MailAttempt {
  readonly request: MailAuthRequest;
  readonly protocol: Protocol;
  readonly serviceTokenId: string;
  readonly now: Date;
}

/**
 * What every answer to the mail servers leaves behind: the decision metric with its true reason,
 * and the login-attempt row the owner and support see on the activity page. Off the answer's
 * path: LoginAttemptRecorder batches the writes.
 */
@Injectable()
export class DecisionRecorder {
  private readonly logger = new Logger('MailAuth');

  constructor(
    private readonly clock: Clock,
    private readonly states: DecisionStateCache,
    private readonly attempts: LoginAttemptRecorder,
    private readonly metrics: MailgateMetrics,
  ) {}

  record(
    attempt: MailAttempt,
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
    this.attempts.record({
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

  /** An app password that let a login in: its "last used" (time, address, protocol) moves. */
  recordAppPasswordUse(appPasswordId: string, attempt: MailAttempt): void {
    this.attempts.noteAppPasswordUse(appPasswordId, {
      at: attempt.now,
      ip: attempt.request.clientIp,
      protocol: attempt.protocol,
    });
  }

  /** A request that broke the contract: recorded when it names a login, off the response path. */
  recordInvalidRequest(username: string | null, body: unknown, serviceTokenId: string): void {
    if (username === null) return;
    const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const now = this.clock.now();
    const login = normaliseEmail(username.toWellFormed());
    this.states
      .get(login, now)
      .catch(() => null)
      .then((user) =>
        this.attempts.record({
          userId: user?.userId ?? null,
          loginAsTyped: username,
          protocol: protocolIfKnown(fields.protocol) ?? null,
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
}
