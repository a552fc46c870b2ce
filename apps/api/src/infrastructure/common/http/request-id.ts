import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const ACCEPTABLE_INCOMING_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Uses the request id a reverse proxy set (so logs line up across hops) when it looks sane,
 * otherwise makes a new one. Clients see it in `X-Request-Id` and in every problem body.
 */
export function generateRequestId(request: IncomingMessage): string {
  const incoming = request.headers['x-request-id'];
  return typeof incoming === 'string' && ACCEPTABLE_INCOMING_ID.test(incoming) ? incoming : randomUUID();
}
