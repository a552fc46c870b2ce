/**
 * Whether an error means "PostgreSQL could not be asked right now" (down, refusing, hung past a
 * deadline, out of connections) rather than "this request is wrong". Such errors are answered
 * `503 SERVICE_UNAVAILABLE` with Retry-After instead of a 500: they say nothing about the
 * request, and the client should simply try again.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 6; depth++) {
    if (matches(current)) return true;
    current =
      (current as { cause?: unknown }).cause ??
      (current as { meta?: { driverAdapterError?: unknown } }).meta?.driverAdapterError;
  }
  return false;
}

/** Messages of the `pg` driver and pool when a deadline passed or the connection broke. */
const DRIVER_MESSAGES = [
  'Query read timeout',
  'Connection terminated due to connection timeout',
  'Connection terminated unexpectedly',
  'timeout exceeded when trying to connect',
  'Connection terminated',
];

/** Driver-adapter error kinds (@prisma/driver-adapter-utils) that describe the connection, not the query. */
const ADAPTER_KINDS = new Set([
  'DatabaseNotReachable',
  'DatabaseDoesNotExist',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
  'TransactionAlreadyClosed',
]);

/** Prisma client codes for unreachable servers, pool timeouts and transactions that could not start. */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);

/** SQLSTATEs: query_canceled (statement_timeout), shutdown, cannot connect now, too many connections. */
const SQL_STATES = new Set(['57014', '57P01', '57P02', '57P03', '53300']);

function matches(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as { name?: unknown; code?: unknown; message?: unknown; kind?: unknown };
  if (candidate.name === 'PrismaClientInitializationError') return true;
  if (typeof candidate.kind === 'string') {
    if (ADAPTER_KINDS.has(candidate.kind)) return true;
    if (candidate.kind === 'postgres' && typeof candidate.code === 'string' && SQL_STATES.has(candidate.code))
      return true;
  }
  if (typeof candidate.code === 'string') {
    if (PRISMA_CODES.has(candidate.code) || SQL_STATES.has(candidate.code)) return true;
    if (candidate.code === 'ECONNREFUSED' || candidate.code === 'ECONNRESET' || candidate.code === 'ETIMEDOUT')
      return true;
    if (candidate.code.startsWith('08')) return true; // SQLSTATE class 08: connection exception
  }
  return typeof candidate.message === 'string' && DRIVER_MESSAGES.some((text) => candidate.message === text);
}
