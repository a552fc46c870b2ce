import { createHash } from 'node:crypto';
import type { AttemptLimit } from '../infrastructure/rate-limit/attempt-limiter.js';

const HOUR = 60 * 60_000;
const FIFTEEN_MINUTES = 15 * 60_000;

/** Keys never hold an e-mail address in clear (Redis is shared infrastructure). */
function addressKey(email: string): string {
  return createHash('sha256').update(email).digest('base64url').slice(0, 22);
}

/**
 * Recovery's limits, reserved through AttemptLimiter before any work. Requests that send mail
 * count whether or not they succeed (they are not guesses but mail to someone's inbox), so
 * nobody can turn Mailgate into a mail cannon against an address or an account.
 */
export const RecoveryLimits = {
  /** "Forgot password": per account address, per recovery address it could reach, and per IP. */
  forgotPassword: (email: string, ip: string): AttemptLimit[] => [
    { kind: 'recovery:forgot-address', key: `recovery:forgot:address:${addressKey(email)}`, max: 3, windowMs: HOUR },
    { kind: 'recovery:forgot-ip', key: `recovery:forgot:ip:${ip}`, max: 20, windowMs: HOUR },
  ],
  /** Confirmation links a user may have sent (each goes to an address they typed). */
  confirmationMail: (userId: string): AttemptLimit[] => [
    { kind: 'recovery:confirm-mail', key: `recovery:confirm-mail:user:${userId}`, max: 5, windowMs: HOUR },
  ],
  /** Failed confirmation tokens per IP: typos, never enough to guess 256 bits. */
  confirmToken: (ip: string): AttemptLimit[] => [
    { kind: 'recovery:confirm-ip', key: `recovery:confirm:ip:${ip}`, max: 10, windowMs: FIFTEEN_MINUTES },
  ],
};
