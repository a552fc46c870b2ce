/**
 * Every metric Mailgate exports: name, help and label names, in one place. The dashboard
 * (deploy/grafana/mailgate.json) and the alert rules (deploy/prometheus/alerts.yml) may only name
 * these (and prom-client's default process metrics); `deploy-artifacts.test.ts` checks that.
 *
 * Label values are always from a closed set written in code (protocols, decisions, reason and
 * error codes of the contracts, lock scopes, doveadm commands, limit kinds): never a user id, an
 * address or an IP, so the number of series stays bounded whatever the traffic.
 */

interface BaseDefinition {
  readonly name: string;
  readonly help: string;
  readonly labelNames: readonly string[];
}

export interface CounterDefinition extends BaseDefinition {
  readonly type: 'counter';
}

export interface GaugeDefinition extends BaseDefinition {
  readonly type: 'gauge';
}

export interface HistogramDefinition extends BaseDefinition {
  readonly type: 'histogram';
  readonly buckets: readonly number[];
}

export type MetricDefinition = CounterDefinition | GaugeDefinition | HistogramDefinition;

/** Seconds; a cached decision takes about a millisecond, one with argon2id tens of them. */
const DECISION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5];
const FLUSH_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const METRIC_DEFINITIONS = {
  mailDecisions: {
    type: 'counter',
    name: 'mailgate_mail_decisions_total',
    help: 'Mail login decisions by protocol (imap, pop3, smtp), decision (allow, deny, tempfail) and the true reason code (also when the client is shown AUTH_FAILED).',
    labelNames: ['protocol', 'decision', 'reason'],
  },
  mailDecisionSeconds: {
    type: 'histogram',
    name: 'mailgate_mail_decision_duration_seconds',
    help: 'Time from a parsed mail login request to its answer, by protocol and decision.',
    labelNames: ['protocol', 'decision'],
    buckets: DECISION_BUCKETS,
  },
  mailTempfails: {
    type: 'counter',
    name: 'mailgate_mail_tempfails_total',
    help: 'Mail-server requests (decisions and lookups) answered 503 tempfail, by cause: dependency (PostgreSQL or Redis away or too slow) or error (anything unexpected).',
    labelNames: ['cause'],
  },
  mailCacheLookups: {
    type: 'counter',
    name: 'mailgate_mail_cache_lookups_total',
    help: 'Lookups in the mail decision caches by cache (credential, state) and result: hit, miss, or bypass (not trusted while the invalidation channel is down).',
    labelNames: ['cache', 'result'],
  },
  locksSet: {
    type: 'counter',
    name: 'mailgate_auth_locks_set_total',
    help: 'Brute-force locks set, by scope (USER_IP, IP, USER) and login family (MAIL).',
    labelNames: ['scope', 'family'],
  },
  doveadmCalls: {
    type: 'counter',
    name: 'mailgate_doveadm_calls_total',
    help: "Calls to Dovecot's doveadm HTTP API by command (who, kick, authCacheFlush) and result: ok, expected (an exit code that is an ordinary answer, e.g. no session to kick), failed, unreachable.",
    labelNames: ['command', 'result'],
  },
  attemptQueueDepth: {
    type: 'gauge',
    name: 'mailgate_login_attempts_queue_depth',
    help: 'Login attempts and app-password uses waiting to be written to PostgreSQL.',
    labelNames: [],
  },
  attemptFlushSeconds: {
    type: 'histogram',
    name: 'mailgate_login_attempts_flush_duration_seconds',
    help: 'Time to write one batch of queued login attempts, by result (ok, failed).',
    labelNames: ['result'],
    buckets: FLUSH_BUCKETS,
  },
  attemptsDropped: {
    type: 'counter',
    name: 'mailgate_login_attempts_dropped_total',
    help: 'Login attempts dropped because the write queue was full (the database was away too long).',
    labelNames: [],
  },
  webSignIns: {
    type: 'counter',
    name: 'mailgate_web_sign_ins_total',
    help: 'Web sign-in steps by step (password, second_factor, passkey) and outcome: SIGNED_IN, TOTP_REQUIRED, or the error code answered.',
    labelNames: ['step', 'outcome'],
  },
  rateLimitRefusals: {
    type: 'counter',
    name: 'mailgate_rate_limit_refusals_total',
    help: 'Attempts refused by an attempt limit, one per exhausted limit, by limit kind (e.g. sign-in:ip, password-reset:ip).',
    labelNames: ['limit'],
  },
  dbPoolConnections: {
    type: 'gauge',
    name: 'mailgate_db_pool_connections',
    help: 'PostgreSQL pool connections by pool (main: Prisma; attempts: the attempt writer) and state (total, idle).',
    labelNames: ['pool', 'state'],
  },
  dbPoolWaiting: {
    type: 'gauge',
    name: 'mailgate_db_pool_waiting_requests',
    help: 'Queries waiting for a free PostgreSQL pool connection, by pool.',
    labelNames: ['pool'],
  },
  dbPoolMax: {
    type: 'gauge',
    name: 'mailgate_db_pool_max_connections',
    help: 'Configured size of each PostgreSQL pool.',
    labelNames: ['pool'],
  },
} as const satisfies Record<string, MetricDefinition>;

export type MetricDefinitions = typeof METRIC_DEFINITIONS;
export type MetricKey = keyof MetricDefinitions;
