import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SecretKeyring } from '../../infrastructure/common/crypto/secret-keyring.js';
import type { ChallengeBinding } from './passkey-challenges.js';
import { PASSKEY_CHALLENGE_MS } from './passkey-challenges.js';

const SECURE_NAME = '__Host-mailgate_passkey';
const PLAIN_NAME = 'mailgate_passkey';

const nameFor = (request: FastifyRequest) => (request.protocol === 'https' ? SECURE_NAME : PLAIN_NAME);

/**
 * Signing in with a passkey alone starts without a session or a pending sign-in, so its challenge
 * is bound to this browser: a random value in an HttpOnly cookie, stored server-side only as a
 * keyed hash. A challenge fetched by another browser (or a phishing page) cannot be answered here.
 */
export function startBrowserBinding(
  keyring: SecretKeyring,
  request: FastifyRequest,
  reply: FastifyReply,
): ChallengeBinding {
  const value = randomBytes(24).toString('base64url');
  void reply.setCookie(nameFor(request), value, {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    path: '/api/auth',
    maxAge: Math.floor(PASSKEY_CHALLENGE_MS / 1000),
  });
  return `browser:${keyring.hash('passkey-browser', value)}`;
}

export function readBrowserBinding(keyring: SecretKeyring, request: FastifyRequest): ChallengeBinding | null {
  const value = request.cookies?.[nameFor(request)];
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) return null;
  return `browser:${keyring.hash('passkey-browser', value)}`;
}

export function clearBrowserBinding(request: FastifyRequest, reply: FastifyReply): void {
  void reply.clearCookie(nameFor(request), {
    path: '/api/auth',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
  });
}
