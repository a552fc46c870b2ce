import { CommonErrors } from '@mailgate/contracts';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../http/app-error.js';
import { sendProblem } from '../http/problem-exception.filter.js';

/** The one route that still runs while draining: it must say "draining", not a generic refusal. */
const READINESS_PATH = '/api/ready';

/**
 * Replaces Fastify's own 503-on-close (`return503OnClosing: false` in app.factory), which answers
 * before any route runs, so `/api/ready` could not say why. While draining, a request arriving on
 * an open keep-alive connection gets problem+json SERVICE_UNAVAILABLE with `Connection: close`;
 * `/api/ready` answers 503 "draining" through its handler. Requests already in flight are not
 * touched: this is an onRequest hook.
 */
export function registerDrainGuard(fastify: FastifyInstance, isDraining: () => boolean): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!isDraining()) return done();
    void reply.header('connection', 'close');
    if (request.url.split('?')[0] === READINESS_PATH) return done();
    sendProblem(request, reply, new AppError(CommonErrors.SERVICE_UNAVAILABLE));
  });
}
