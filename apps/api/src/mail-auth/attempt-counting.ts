import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  BruteForceService,
  type Admission,
  type LockMarks,
  type LoginSubject,
  type Reservation,
} from '../auth-locks/brute-force.service.js';
import { APP_CONFIG, type AppConfig } from '../infrastructure/config/config.js';
import { withTimeout } from './with-timeout.js';

const NO_RESERVATION: Reservation = { pair: null, ip: null, account: null };

/**
 * What a decided login does to the brute-force counters: an allow resets them, a refusal counts
 * as a failure (or gives its reservation back), a tempfail counts nothing.
 */
@Injectable()
export class AttemptCounting {
  private readonly logger = new Logger('MailAuth');

  constructor(
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'MAIL_AUTH_DB_TIMEOUT_MS'>,
    private readonly bruteForce: BruteForceService,
  ) {}

  /** Off the answer's path: the mail server need not wait for the counters to reset. */
  succeeded(
    subject: LoginSubject,
    inputs: { readonly marks: LockMarks; readonly admission: Admission | null },
    userId: string,
    now: Date,
  ): void {
    this.bruteForce
      .recordSuccess(subject, inputs.marks, inputs.admission?.reservation ?? NO_RESERVATION, userId, now)
      .catch((error: unknown) => this.logger.warn({ err: error }, 'could not record a successful login'));
  }

  /**
   * A refused main-password attempt that was admitted. `countsAsFailure` is false only for a
   * valid credential whose refusal may be told (its reservation goes back); a valid one whose
   * refusal must look like a wrong one counts, else the lock would come one guess later and give
   * the right guess away. Awaited: the next attempt must already see a lock this failure caused.
   * Bounded too: a hung database or Redis must not hold the answer (a deny either way).
   */
  async refused(
    subject: LoginSubject,
    admission: Admission | null,
    userId: string | null,
    now: Date,
    countsAsFailure: boolean,
  ): Promise<void> {
    if (!admission || admission.locked) return;
    const counting = countsAsFailure
      ? this.bruteForce.recordFailure(subject, admission, userId, now)
      : this.bruteForce.release(subject, admission.reservation);
    await withTimeout(counting, this.config.MAIL_AUTH_DB_TIMEOUT_MS, 'counting a failed login').catch(
      (error: unknown) => this.logger.warn({ err: error }, 'could not count a failed login'),
    );
  }

  /** A tempfail after admission: the reservation goes back, nothing is counted. */
  abandoned(subject: LoginSubject, admission: Admission | null): void {
    if (admission) void this.bruteForce.release(subject, admission.reservation).catch(() => undefined);
  }
}
