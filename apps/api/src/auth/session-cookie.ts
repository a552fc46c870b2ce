import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Over HTTPS the cookie is `__Host-` prefixed and `Secure` (bound to this exact origin, never
 * sent in clear). On plain-http localhost (development, `npm start`) browsers would drop a Secure
 * cookie set over http, so there it is a plain HttpOnly cookie with another name.
 */
export const SECURE_COOKIE_NAME = '__Host-mailgate_session';
export const PLAIN_COOKIE_NAME = 'mailgate_session';

function cookieNameFor(request: FastifyRequest): string {
  return request.protocol === 'https' ? SECURE_COOKIE_NAME : PLAIN_COOKIE_NAME;
}

export function readSessionCookie(request: FastifyRequest): string | undefined {
  const value = request.cookies?.[cookieNameFor(request)];
  return typeof value === 'string' && value.length > 0 && value.length <= 128 ? value : undefined;
}

export function writeSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  maxAgeMs: number,
): void {
  void reply.setCookie(cookieNameFor(request), token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    path: '/',
    maxAge: Math.floor(maxAgeMs / 1000),
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  void reply.clearCookie(cookieNameFor(request), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
  });
}
