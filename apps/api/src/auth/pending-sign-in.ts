import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SecretKeyring } from '../infrastructure/common/crypto/secret-keyring.js';

/** How long a user has to type the 2FA code after the password was accepted. */
export const PENDING_SIGN_IN_MS = 5 * 60_000;

export const SECURE_PENDING_COOKIE = '__Host-mailgate_pending';
export const PLAIN_PENDING_COOKIE = 'mailgate_pending';

export interface PendingSignIn {
  readonly userId: string;
  /** The user's securityVersion when the password was accepted: any change since voids it. */
  readonly securityVersion: number;
  readonly expiresAt: number;
  /** Identifies this pending sign-in for its attempt counter and its one-time use. */
  readonly nonce: string;
}

/**
 * The half-signed-in state between password and 2FA code, carried in an HttpOnly cookie and
 * authenticated with a server key (HMAC), so it works across API instances without a table.
 * What makes it more than a signed note lives on the server: it is void once the user's
 * securityVersion moves, it allows a few code attempts only, and it is spent on first success
 * (both counted in the CounterStore under its nonce). It never grants access by itself.
 */
export function createPendingToken(keyring: SecretKeyring, userId: string, securityVersion: number, now: number) {
  const pending: PendingSignIn = {
    userId,
    securityVersion,
    expiresAt: now + PENDING_SIGN_IN_MS,
    nonce: randomBytes(16).toString('base64url'),
  };
  const payload = [pending.userId, pending.securityVersion, pending.expiresAt, pending.nonce].join('.');
  return { pending, token: `${payload}.${keyring.mac('sign-in-pending', payload).toString('base64url')}` };
}

export function readPendingToken(keyring: SecretKeyring, token: string, now: number): PendingSignIn | null {
  const parts = token.split('.');
  if (parts.length !== 5) return null;
  const [userId, version, expiresAt, nonce, mac] = parts as [string, string, string, string, string];
  const expected = keyring.mac('sign-in-pending', parts.slice(0, 4).join('.'));
  const actual = Buffer.from(mac, 'base64url');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  const pending = { userId, securityVersion: Number(version), expiresAt: Number(expiresAt), nonce };
  if (!Number.isSafeInteger(pending.securityVersion) || !(pending.expiresAt > now)) return null;
  return pending;
}

function cookieName(request: FastifyRequest): string {
  return request.protocol === 'https' ? SECURE_PENDING_COOKIE : PLAIN_PENDING_COOKIE;
}

export function readPendingCookie(request: FastifyRequest): string | undefined {
  const value = request.cookies?.[cookieName(request)];
  return typeof value === 'string' && value.length > 0 && value.length <= 256 ? value : undefined;
}

export function writePendingCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  void reply.setCookie(cookieName(request), token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    path: '/',
    maxAge: Math.floor(PENDING_SIGN_IN_MS / 1000),
  });
}

export function clearPendingCookie(request: FastifyRequest, reply: FastifyReply): void {
  void reply.clearCookie(cookieName(request), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
  });
}
