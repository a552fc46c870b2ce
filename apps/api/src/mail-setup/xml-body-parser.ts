import type { FastifyInstance } from 'fastify';
import { CommonErrors } from '@mailgate/contracts';
import { AppError } from '../infrastructure/common/http/app-error.js';

/** Outlook's request is a few hundred bytes; anything near this is not one. */
const XML_BODY_LIMIT_BYTES = 16_384;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Accepts XML bodies for the Autodiscover routes only, as text (the handler parses them). Every
 * other route keeps refusing XML with UNSUPPORTED_MEDIA_TYPE, as before.
 */
export function registerXmlBodyParser(fastify: FastifyInstance, paths: readonly string[]): void {
  const accepted = new Set(paths.map((path) => path.toLowerCase()));
  fastify.addContentTypeParser(
    /^(text|application)\/xml$/,
    { parseAs: 'buffer', bodyLimit: XML_BODY_LIMIT_BYTES },
    (request, body: Buffer, done) => {
      const path = (request.url.split('?')[0] ?? '').toLowerCase();
      if (!accepted.has(path)) {
        done(new AppError(CommonErrors.UNSUPPORTED_MEDIA_TYPE), undefined);
        return;
      }
      try {
        done(null, strictUtf8.decode(body));
      } catch {
        done(new AppError(CommonErrors.INVALID_ENCODING), undefined);
      }
    },
  );
}
