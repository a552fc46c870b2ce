import { ArgumentsHost, Catch, Injectable, Logger, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemExceptionFilter, toAppError } from '../infrastructure/common/http/problem-exception.filter.js';
import { MailgateMetrics } from '../infrastructure/metrics/mailgate-metrics.js';

/** Mailgate could not decide (database down or too slow): the mail server must try again later. */
export class MailAuthTempfailError extends Error {
  constructor(override readonly cause: unknown) {
    super('mail login decision not possible right now');
    this.name = 'MailAuthTempfailError';
  }
}

/**
 * For the mail servers' API, anything that is not a client error becomes `503 { decision:
 * 'tempfail' }`: a mail server must never mistake a failure for an allow, and a plain 500
 * problem body would leave that to the Lua script's care. Client errors (400/401/404) keep
 * their problem+json form with a code.
 */
@Catch()
@Injectable()
export class MailAuthExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('MailAuth');
  private readonly problems = new ProblemExceptionFilter();

  constructor(private readonly metrics: MailgateMetrics) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (!(exception instanceof MailAuthTempfailError) && toAppError(exception).status < 500) {
      this.problems.catch(exception, host);
      return;
    }
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const cause = exception instanceof MailAuthTempfailError ? exception.cause : exception;
    this.logger.error({ err: cause, requestId: request.id }, 'mail login decision failed: answered tempfail');
    this.metrics.mailTempfails.inc({ cause: exception instanceof MailAuthTempfailError ? 'dependency' : 'error' });
    void reply.status(503).header('retry-after', '5').send({ decision: 'tempfail' });
  }
}
