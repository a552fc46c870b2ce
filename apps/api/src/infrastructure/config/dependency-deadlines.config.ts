import { z } from 'zod';

const milliseconds = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/**
 * Deadlines for the API's dependencies, so that a hung PostgreSQL or Redis (frozen process,
 * network partition, stuck volume) turns into a quick, honest failure instead of requests that
 * never answer. Spread into the main schema; the README's configuration table lists them.
 * The mail path has its own, tighter limit (MAIL_AUTH_DB_TIMEOUT_MS).
 */
export const DEPENDENCY_DEADLINES_ENVIRONMENT = {
  /** Longest wait for a new PostgreSQL connection (TCP + startup) or a free pooled one. */
  DATABASE_CONNECT_TIMEOUT_MS: milliseconds(2_000, 100, 60_000),
  /**
   * Longest one SQL statement may take: the client gives up after this (also when the server
   * does not answer at all), and the server cancels the statement itself (`statement_timeout`).
   */
  DATABASE_QUERY_TIMEOUT_MS: milliseconds(10_000, 100, 600_000),
  /** Longest one Redis command may take; after one times out, Redis counts as unavailable until a PING answers. */
  REDIS_COMMAND_TIMEOUT_MS: milliseconds(500, 20, 60_000),
  /**
   * How long a service token last verified against the database is still accepted while the
   * database does not answer (the decision itself then answers tempfail or from memory).
   */
  SERVICE_TOKEN_GRACE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(900),
};
