import type { FastifyRequest } from 'fastify';
import { CommonErrors } from '@mailgate/contracts';
import { AppError } from '../infrastructure/common/http/app-error.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_HEADER_VALUE = 'mailgate';

/**
 * CSRF defence for cookie-authenticated requests: a custom header (which a cross-site form or
 * simple request cannot set without a CORS preflight we never grant) plus, when the browser
 * sends one, an Origin that must be our own. GET never changes state, so it is exempt.
 */
export function verifyCsrf(request: FastifyRequest): void {
  if (SAFE_METHODS.has(request.method)) return;
  if (request.headers[CSRF_HEADER] !== CSRF_HEADER_VALUE) throw new AppError(CommonErrors.CSRF_CHECK_FAILED);
  const origin = request.headers.origin;
  if (origin === undefined) return;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError(CommonErrors.CSRF_CHECK_FAILED);
  }
  if (originHost !== request.host) throw new AppError(CommonErrors.CSRF_CHECK_FAILED);
}
