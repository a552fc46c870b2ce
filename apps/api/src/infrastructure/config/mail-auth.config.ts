import { z } from 'zod';

const seconds = (fallback: number, max = 86_400 * 365) => z.coerce.number().int().min(1).max(max).default(fallback);
const count = (fallback: number) => z.coerce.number().int().min(1).max(1_000_000).default(fallback);
const userdbTemplate = z
  .string()
  .regex(/^[^\s"\\]+$/, { message: 'must not contain spaces, quotes or backslashes' })
  .optional();

/**
 * Environment variables of the mail servers' API (login decisions, brute-force defence,
 * Dovecot integration). Spread into the main schema; the README's configuration table lists them.
 */
export const MAIL_AUTH_ENVIRONMENT = {
  /** Dovecot's doveadm HTTP API endpoint (e.g. http://127.0.0.1:8080/doveadm/v1); unset = no kick/flush. */
  DOVEADM_URL: z.url().optional(),
  DOVEADM_API_KEY: z.string().min(1).optional().meta({ sensitive: true }),
  /** Userdb field templates: %u = canonical address, %n = local part, %d = domain. Unset = not sent. */
  MAIL_USERDB_HOME: userdbTemplate,
  MAIL_USERDB_MAIL: userdbTemplate,
  MAIL_USERDB_UID: userdbTemplate,
  MAIL_USERDB_GID: userdbTemplate,
  /** Failed credentials of one (user, client IP) pair before the pair is locked. */
  MAIL_AUTH_PAIR_FAILURES: count(5),
  /** First pair lock; each further failure doubles it, up to the maximum. */
  MAIL_AUTH_PAIR_LOCK_SECONDS: seconds(60),
  MAIL_AUTH_PAIR_LOCK_MAX_SECONDS: seconds(900),
  /** Failures from one client IP (IPv6: its /64) across all users, within the window, that lock the IP. */
  MAIL_AUTH_IP_FAILURES: count(30),
  MAIL_AUTH_IP_WINDOW_SECONDS: seconds(600),
  MAIL_AUTH_IP_LOCK_SECONDS: seconds(900),
  /** Failed main-password attempts per account and hour from unfamiliar IPs (NIST SP 800-63B: ≤ 100). */
  MAIL_AUTH_ACCOUNT_FAILURES_PER_HOUR: count(100),
  /** An IP with a successful login this recently is "familiar" for that user. */
  MAIL_AUTH_RECENT_SUCCESS_DAYS: seconds(14, 365),
  /** Bounds of the in-memory caches (entries). */
  MAIL_AUTH_CREDENTIAL_CACHE_SIZE: count(50_000),
  MAIL_AUTH_STATE_CACHE_SIZE: count(100_000),
  /** Longest a decision may wait on the database before answering tempfail. */
  MAIL_AUTH_DB_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(2_000),
};
