import type { FastifyInstance } from 'fastify';
import { CommonErrors } from '@mailgate/contracts';
import { AppError } from './app-error.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Replaces Fastify's JSON parser with one that refuses invalid UTF-8 instead of silently turning
 * it into U+FFFD (a password or user name must never change on its way in), and refuses
 * prototype-poisoning keys. Size limits still come from Fastify's `bodyLimit`.
 */
export function registerStrictJsonParser(fastify: FastifyInstance): void {
  fastify.removeContentTypeParser(['application/json']);
  fastify.addContentTypeParser(
    /^application\/([\w.+-]+\+)?json$/,
    { parseAs: 'buffer' },
    (_request, body: Buffer, done) => {
      let text: string;
      try {
        text = strictUtf8.decode(body);
      } catch {
        done(new AppError(CommonErrors.INVALID_ENCODING), undefined);
        return;
      }
      if (text.trim() === '') {
        done(new AppError(CommonErrors.MALFORMED_JSON), undefined);
        return;
      }
      try {
        done(null, JSON.parse(text, refusePrototypeKeys));
      } catch (error) {
        done(error instanceof AppError ? error : new AppError(CommonErrors.MALFORMED_JSON), undefined);
      }
    },
  );
}

function refusePrototypeKeys(key: string, value: unknown): unknown {
  if (key === '__proto__' || key === 'constructor') {
    throw new AppError(CommonErrors.VALIDATION_FAILED, {
      issues: [{ path: key, message: 'This field name is not allowed.', code: 'unrecognized_keys' }],
    });
  }
  return value;
}
