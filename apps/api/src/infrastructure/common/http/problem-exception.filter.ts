import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CommonErrors, PROBLEM_CONTENT_TYPE, type Problem } from '@mailgate/contracts';
import { AppError } from './app-error.js';
import { setOwnHeaders } from './security-headers.js';
import type { SpaFallback } from '../../spa/spa-static.js';
import { isDatabaseUnavailable } from '../../database/database-unavailable.js';

/**
 * Renders every error as `application/problem+json` with a stable `code` and the request id.
 * Stack traces and internal messages go to the log only. Errors raised by Fastify before a
 * handler runs (bad JSON, body too large, wrong content type) map to their catalogue codes.
 */
@Catch()
export class ProblemExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly spaFallback?: SpaFallback) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<FastifyRequest>();
    const reply = context.getResponse<FastifyReply>();
    const appError = toAppError(exception);
    // Client-side routes of the SPA (/admin, /security…) are pages, not missing API resources.
    if (appError.code === CommonErrors.NOT_FOUND.code && this.spaFallback?.(request, reply)) return;

    if (appError.status >= 500) {
      this.logger.error({ err: exception, requestId: request.id, code: appError.code }, 'request failed');
    } else if (appError.options.internalDetail) {
      this.logger.warn({ requestId: request.id, code: appError.code, detail: appError.options.internalDetail });
    }

    sendProblem(request, reply, appError);
  }
}

/** Writes an AppError as problem+json (also used for Fastify's router errors, see app.factory). */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, appError: AppError): void {
  const body: Problem = {
    type: 'about:blank',
    title: appError.definition.message,
    status: appError.status,
    code: appError.code,
    requestId: String(request.id),
    ...(appError.options.detail ? { detail: appError.options.detail } : {}),
    ...(appError.options.issues ? { issues: appError.options.issues } : {}),
    ...(appError.options.problems ? { problems: appError.options.problems } : {}),
  };
  void reply
    .status(appError.status)
    .headers(appError.options.headers ?? {})
    .type(PROBLEM_CONTENT_TYPE)
    .send(body);
}

/**
 * Fastify answers some malformed URLs itself, before any route or filter: a path segment that is
 * not valid percent-encoded UTF-8, or one longer than `maxParamLength`. Same problem+json here.
 */
export function renderFrameworkError(error: Error, request: FastifyRequest, reply: FastifyReply): void {
  setOwnHeaders(request, reply);
  sendProblem(request, reply, toAppError(error));
}

interface FastifyLikeError {
  code?: string;
  statusCode?: number;
  name?: string;
}

export function toAppError(exception: unknown): AppError {
  if (exception instanceof AppError) return exception;
  const fastifyError = (exception ?? {}) as FastifyLikeError;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError(CommonErrors.PAYLOAD_TOO_LARGE);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError(CommonErrors.UNSUPPORTED_MEDIA_TYPE);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError(CommonErrors.MALFORMED_JSON);
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new AppError(CommonErrors.VALIDATION_FAILED, {
        issues: [{ path: 'url', message: 'A part of the address is malformed or too long.', code: 'invalid_url' }],
      });
  }
  if (fastifyError.statusCode === 400 && fastifyError.name === 'SyntaxError') {
    return new AppError(CommonErrors.MALFORMED_JSON);
  }
  if (exception instanceof HttpException) {
    return fromHttpException(exception);
  }
  // The database being away or hung is not the request's fault: say so, and when to retry.
  if (isDatabaseUnavailable(exception)) {
    return new AppError(CommonErrors.SERVICE_UNAVAILABLE, { headers: { 'retry-after': '5' } });
  }
  return new AppError(CommonErrors.INTERNAL_ERROR);
}

function fromHttpException(exception: HttpException): AppError {
  switch (exception.getStatus()) {
    case 404:
      return new AppError(CommonErrors.NOT_FOUND);
    case 401:
      return new AppError(CommonErrors.UNAUTHENTICATED);
    case 403:
      return new AppError(CommonErrors.FORBIDDEN);
    case 413:
      return new AppError(CommonErrors.PAYLOAD_TOO_LARGE);
    case 415:
      return new AppError(CommonErrors.UNSUPPORTED_MEDIA_TYPE);
    case 429:
      return new AppError(CommonErrors.RATE_LIMITED);
    case 400:
      return new AppError(CommonErrors.VALIDATION_FAILED, { internalDetail: exception.message });
    default:
      return new AppError(CommonErrors.INTERNAL_ERROR, { internalDetail: exception.message });
  }
}
