import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** The request's Origin header (what the browser says the page is), for the localhost fallback of RelyingParty. */
export const RequestOrigin = createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined => {
  const origin = context.switchToHttp().getRequest<FastifyRequest>().headers.origin;
  return typeof origin === 'string' && origin.length <= 256 ? origin : undefined;
});
