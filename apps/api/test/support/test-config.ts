import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { loadConfig, type AppConfig } from '../../src/infrastructure/config/config.js';

/** A valid configuration for tests, pointing at this run's database (see test/db/global-setup.ts). */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: inject('databaseUrl'),
    MAILGATE_SECRET_KEY: 'test-secret-key-0123456789abcdef0123456789',
    LOG_LEVEL: 'silent',
    MIGRATE_ON_START: 'false',
    // Every app its own Redis key space: other suites may share this Redis.
    REDIS_KEY_PREFIX: `test:${randomUUID().slice(0, 8)}:`,
    // The protocol expiry job touches every user whose time limit ran out, other tests' users
    // included: tests that need it run its rounds themselves.
    PROTOCOL_EXPIRY_INTERVAL_MS: '0',
    // Likewise the outbox sender: it would deliver (or fail) other tests' mails; tests run it themselves.
    MAIL_OUTBOX_INTERVAL_MS: '0',
    ...overrides,
  });
}
