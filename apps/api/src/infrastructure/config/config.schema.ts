import { z } from 'zod';
import { MAIL_AUTH_ENVIRONMENT } from './mail-auth.config.js';
import { MAIL_SETUP_ENVIRONMENT } from './mail-setup.config.js';
import { booleanFlag } from './boolean-flag.js';
import { DEPENDENCY_DEADLINES_ENVIRONMENT } from './dependency-deadlines.config.js';
import { METRICS_ENVIRONMENT } from './metrics.config.js';
import { MAIL_ENVIRONMENT } from './mail.config.js';

const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), { message: 'must be a postgres:// or postgresql:// URL' });

const mailSecurity = z.enum(['SSL/TLS', 'STARTTLS'], { message: 'must be SSL/TLS or STARTTLS' });

/**
 * Every environment variable Mailgate reads, with its default. The README's configuration table
 * mirrors this schema. Variables marked `sensitive` are never printed, not even in errors.
 */
export const ZEnvironment = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    // Default depends on MAILGATE_DEMO (see withDerivedDefaults in config.ts).
    HOST: z.string().min(1).optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** The app role: reads and writes rows, owns nothing (see README.md, "Database roles"). */
    DATABASE_URL: postgresUrl,
    /** The owner role that applies migrations at start and grants the app role; default DATABASE_URL. */
    DATABASE_MIGRATION_URL: postgresUrl.optional().meta({ sensitive: true }),
    REDIS_URL: z
      .string()
      .refine((value) => /^rediss?:\/\//.test(value), { message: 'must be a redis:// or rediss:// URL' })
      .optional(),
    /**
     * Prefix of every Redis key this API reads or writes, applied by the Redis client itself
     * (ioredis `keyPrefix`), so two deployments sharing one Redis never share a counter or lock.
     */
    REDIS_KEY_PREFIX: z
      .string()
      .regex(/^[\w:.-]{1,64}$/, { message: 'must be 1-64 letters, digits, or : . - _' })
      .default('mailgate:'),
    MAILGATE_SECRET_KEY: z
      .string()
      .min(32, { message: 'must be at least 32 characters (e.g. `openssl rand -base64 48`)' })
      .meta({ sensitive: true }),
    MAILGATE_SECRET_KEY_ID: z
      .string()
      .regex(/^[a-z0-9]{1,8}$/, { message: 'must be 1-8 lower-case letters or digits' })
      .default('k1'),
    MAILGATE_PREVIOUS_SECRET_KEYS: z
      .string()
      .default('')
      .meta({ sensitive: true, description: 'Comma-separated id=key pairs still accepted for stored values.' }),
    MAILGATE_MAIL_TOKEN: z.string().min(32).optional().meta({ sensitive: true }),
    MIGRATE_ON_START: booleanFlag.default(true),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    // One line per request at info level; default depends on MAILGATE_DEMO (see config.ts).
    LOG_REQUESTS: booleanFlag.optional(),
    // How long a SIGTERM waits for requests in flight before the process gives up and exits.
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(25_000),
    TRUST_PROXY: z.string().default(''),
    WEB_DIST_DIR: z.string().optional(),
    PUBLIC_URL: z.url().optional(),
    BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(1_048_576).default(65_536),
    MAILGATE_DEMO: booleanFlag.default(false),
    // Server settings shown to users for their mail programs (the portal does not connect to them).
    MAIL_IMAP_HOST: z.string().min(1).default('imap.example.test'),
    MAIL_IMAP_PORT: z.coerce.number().int().min(1).max(65535).default(993),
    MAIL_IMAP_SECURITY: mailSecurity.default('SSL/TLS'),
    MAIL_POP3_HOST: z.string().min(1).default('pop3.example.test'),
    MAIL_POP3_PORT: z.coerce.number().int().min(1).max(65535).default(995),
    MAIL_POP3_SECURITY: mailSecurity.default('SSL/TLS'),
    MAIL_SMTP_HOST: z.string().min(1).default('smtp.example.test'),
    MAIL_SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
    MAIL_SMTP_SECURITY: mailSecurity.default('STARTTLS'),
    // How often the expiry job looks for time-limited protocol access that has just ended; 0 = this
    // instance does not run it (another one must).
    PROTOCOL_EXPIRY_INTERVAL_MS: z.coerce
      .number()
      .int()
      .refine((ms) => ms === 0 || (ms >= 100 && ms <= 3_600_000), { message: 'must be 0 or 100 to 3600000' })
      .default(5_000),
    ...MAIL_AUTH_ENVIRONMENT,
    ...MAIL_SETUP_ENVIRONMENT,
    ...DEPENDENCY_DEADLINES_ENVIRONMENT,
    ...METRICS_ENVIRONMENT,
    ...MAIL_ENVIRONMENT,
  })
  // Unknown variables are fine (the whole process environment is passed in).
  .loose()
  .refine((environment) => environment.METRICS_PORT === undefined || environment.METRICS_PORT !== environment.PORT, {
    message: 'must differ from PORT: metrics are never served on the public port',
    path: ['METRICS_PORT'],
  });

export type Environment = z.infer<typeof ZEnvironment>;

export const SENSITIVE_VARIABLES: ReadonlySet<string> = new Set(
  Object.entries(ZEnvironment.shape)
    .filter(([, schema]) => (schema.meta() as { sensitive?: boolean } | undefined)?.sensitive === true)
    .map(([name]) => name),
);
