import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** Where a request came from, for audit events and rate limits. */
export interface RequestMeta {
  /** The client's IP: the socket's, unless TRUST_PROXY names the proxy that forwarded it. */
  readonly ip: string;
  readonly requestId: string;
  readonly userAgent: string | null;
}

export function requestMetaOf(request: FastifyRequest): RequestMeta {
  const userAgent = request.headers['user-agent'];
  return {
    ip: request.ip,
    requestId: String(request.id),
    userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 512) : null,
  };
}

export const ReqMeta = createParamDecorator((_data: unknown, context: ExecutionContext): RequestMeta =>
  requestMetaOf(context.switchToHttp().getRequest<FastifyRequest>()),
);
