import { createHash } from 'node:crypto';
import { AuthErrors } from '@mailgate/contracts';
import type { AttemptLimit } from '../infrastructure/rate-limit/attempt-limiter.js';
import { PENDING_SIGN_IN_MS } from './pending-sign-in.js';

const FIFTEEN_MINUTES = 15 * 60_000;

/** Wrong codes one pending sign-in may take before the password has to be typed again. */
export const PENDING_MAX_FAILURES = 5;

/** Keys never hold an e-mail address in clear (Redis is shared infrastructure). */
function emailKey(email: string): string {
  return createHash('sha256').update(email).digest('base64url').slice(0, 22);
}

/**
 * The web sign-in's failure limits, reserved through AttemptLimiter before each check. Only
 * failures count: a success takes its attempt back, so a user is never slowed down by their own
 * correct sign-ins.
 */
export const AuthLimits = {
  /**
   * Per account and IP, so one guesser is stopped quickly (forgotten after a success from there);
   * per IP, so one machine cannot try many accounts; per account overall, a ceiling for guessing
   * from many machines (a higher one, because reaching it also keeps the real user out for a while).
   */
  signIn: (email: string, ip: string): AttemptLimit[] => [
    {
      kind: 'sign-in:account-ip',
      key: `auth:sign-in:account-ip:${emailKey(email)}:${ip}`,
      max: 10,
      windowMs: FIFTEEN_MINUTES,
      forgiveOnSuccess: true,
    },
    { kind: 'sign-in:ip', key: `auth:sign-in:ip:${ip}`, max: 50, windowMs: FIFTEEN_MINUTES },
    { kind: 'sign-in:account', key: `auth:sign-in:account:${emailKey(email)}`, max: 100, windowMs: FIFTEEN_MINUTES },
  ],
  /**
   * TOTP codes and recovery codes share one budget: both are the second factor. On top, one pending
   * sign-in takes a few wrong codes only; then the password has to be typed again.
   */
  secondFactor: (userId: string, ip: string, pendingNonce: string): AttemptLimit[] => [
    { kind: 'second-factor:user', key: `auth:second-factor:user:${userId}`, max: 10, windowMs: FIFTEEN_MINUTES },
    { kind: 'second-factor:ip', key: `auth:second-factor:ip:${ip}`, max: 50, windowMs: FIFTEEN_MINUTES },
    {
      kind: 'second-factor:pending',
      key: `auth:pending-failures:${pendingNonce}`,
      max: PENDING_MAX_FAILURES,
      windowMs: PENDING_SIGN_IN_MS,
      exhausted: AuthErrors.SIGN_IN_PENDING_EXPIRED,
    },
  ],
  /**
   * Signing in with a passkey alone: failures per IP (a passkey cannot be guessed, but each try
   * costs a signature check and a challenge row). Options requests are counted on their own, all
   * of them, since each one stores a challenge.
   */
  passkeySignIn: (ip: string): AttemptLimit[] => [
    { kind: 'passkey-sign-in:ip', key: `auth:passkey-sign-in:ip:${ip}`, max: 50, windowMs: FIFTEEN_MINUTES },
  ],
  passkeyOptions: (ip: string): AttemptLimit[] => [
    { kind: 'passkey-options:ip', key: `auth:passkey-options:ip:${ip}`, max: 100, windowMs: FIFTEEN_MINUTES },
  ],
  /** Step-up and the current password of a password change: re-checks of a signed-in user. */
  reauthentication: (userId: string, ip: string): AttemptLimit[] => [
    { kind: 'reauth:user', key: `auth:reauth:user:${userId}`, max: 10, windowMs: FIFTEEN_MINUTES },
    { kind: 'reauth:ip', key: `auth:reauth:ip:${ip}`, max: 50, windowMs: FIFTEEN_MINUTES },
  ],
};
