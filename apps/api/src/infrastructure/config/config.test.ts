import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const valid = {
  DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/mailgate',
  MAILGATE_SECRET_KEY: 'a-very-long-secret-key-for-tests-only-0123456789',
};

describe('loadConfig', () => {
  it('applies defaults and freezes the result', () => {
    const config = loadConfig(valid);
    expect(config.PORT).toBe(3000);
    expect(config.MIGRATE_ON_START).toBe(true);
    expect(config.BODY_LIMIT_BYTES).toBe(65_536);
    expect(Object.isFrozen(config)).toBe(true);
    expect(() => {
      (config as { PORT: number }).PORT = 1;
    }).toThrow(TypeError);
  });

  it('lists every problem at once, readably', () => {
    const error = captureConfigError({ PORT: 'eighty', DATABASE_URL: 'mysql://x', REDIS_URL: 'http://nope' });
    expect(error.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PORT /),
        'DATABASE_URL must be a postgres:// or postgresql:// URL',
        'REDIS_URL must be a redis:// or rediss:// URL',
        'MAILGATE_SECRET_KEY is required (value hidden)',
      ]),
    );
    expect(error.message).toContain('Invalid configuration:\n  - ');
  });

  it('never prints the value of a secret', () => {
    const secret = 'short-secret';
    const error = captureConfigError({ ...valid, MAILGATE_SECRET_KEY: secret });
    expect(error.problems).toEqual([
      'MAILGATE_SECRET_KEY must be at least 32 characters (e.g. `openssl rand -base64 48`) (value hidden)',
    ]);
    expect(error.message).not.toContain(secret);
  });

  it('listens on every interface and logs each request in production, on loopback and quietly in demo mode', () => {
    expect(loadConfig(valid)).toMatchObject({ HOST: '0.0.0.0', LOG_REQUESTS: true });
    expect(loadConfig({ ...valid, MAILGATE_DEMO: '1' })).toMatchObject({ HOST: '127.0.0.1', LOG_REQUESTS: false });
    // Explicit values win in either mode.
    expect(loadConfig({ ...valid, MAILGATE_DEMO: '1', HOST: '0.0.0.0', LOG_REQUESTS: 'yes' })).toMatchObject({
      HOST: '0.0.0.0',
      LOG_REQUESTS: true,
    });
    expect(loadConfig({ ...valid, HOST: '::1', LOG_REQUESTS: '0' })).toMatchObject({
      HOST: '::1',
      LOG_REQUESTS: false,
    });
  });

  it('parses boolean flags strictly', () => {
    expect(loadConfig({ ...valid, MIGRATE_ON_START: 'false' }).MIGRATE_ON_START).toBe(false);
    expect(captureConfigError({ ...valid, MIGRATE_ON_START: 'maybe' }).problems[0]).toMatch(/^MIGRATE_ON_START /);
  });
});

function captureConfigError(environment: Record<string, string>): ConfigError {
  try {
    loadConfig(environment);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}
