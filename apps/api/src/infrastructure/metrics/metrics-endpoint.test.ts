import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/support/test-app.js';
import { testConfig } from '../../../test/support/test-config.js';
import { createUser } from '../../../test/support/builders.js';
import { decision, loginBody, mailAuthEnv, randomIp } from '../../../test/support/mail-auth-client.js';
import { parseExposition, sampleValue, type Sample } from '../../../test/support/metrics-scrape.js';
import { ConfigError } from '../config/config.js';
import { ClusterEventsService } from '../cluster-events/cluster-events.service.js';
import { PrismaService } from '../database/prisma.service.js';
import { LoginAttemptRecorder } from '../../login-attempts/login-attempt-recorder.js';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../auth/csrf.js';
import { MetricsServer } from './metrics.server.js';

describe('the Prometheus endpoint', () => {
  let app: NestFastifyApplication;
  let metricsUrl: string;

  const scrape = async (): Promise<Sample[]> => {
    const response = await fetch(metricsUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return parseExposition(await response.text());
  };

  beforeAll(async () => {
    // One failure locks a (user, IP) pair, so one wrong password shows a lock being set.
    app = await createTestApp(mailAuthEnv({ METRICS_PORT: '0', MAIL_AUTH_PAIR_FAILURES: '1' }));
    const address = app.get(MetricsServer).address();
    if (!address) throw new Error('the metrics endpoint did not start');
    metricsUrl = `http://127.0.0.1:${address.port}/metrics`;
  });
  afterAll(() => app.close());

  it('listens on loopback by default, on its own port, and not on the public one', async () => {
    expect(app.get(MetricsServer).address()?.address).toBe('127.0.0.1');
    for (const url of ['/api/metrics', '/metrics']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.body).not.toContain('mailgate_mail_decisions_total');
    }
    expect((await app.inject({ method: 'GET', url: '/api/metrics' })).statusCode).toBe(404);
    expect((await fetch(metricsUrl.replace('/metrics', '/api/health'))).status).toBe(404);
    expect((await fetch(metricsUrl, { method: 'POST' })).status).toBe(405);
  });

  it('is off unless METRICS_PORT is set, and never shares the public port', async () => {
    const plain = await createTestApp();
    try {
      expect(plain.get(MetricsServer).address()).toBeNull();
    } finally {
      await plain.close();
    }
    expect(() => testConfig({ PORT: '8080', METRICS_PORT: '8080' })).toThrow(ConfigError);
  });

  it('moves each counter by exactly the actions taken, with no personal data in any label', async () => {
    // The caches are used (and counted) only while the invalidation channel is up.
    await expect.poll(() => app.get(ClusterEventsService).isListening(), { timeout: 10_000 }).toBe(true);
    const prisma = app.get(PrismaService);
    const imapUser = await createUser(prisma, { imap: true });
    const closedUser = await createUser(prisma, { imap: false });
    const [homeIp, guessIp, closedIp, webIp, resetIp] = [randomIp(), randomIp(), randomIp(), randomIp(), randomIp()];
    const before = await scrape();

    // Mail: two allows (the second from both caches), a wrong password, and a right password for
    // a protocol that is off (shown as AUTH_FAILED, counted with its true reason).
    expect(await decision(app, loginBody(imapUser, { clientIp: homeIp }))).toMatchObject({ decision: 'allow' });
    expect(await decision(app, loginBody(imapUser, { clientIp: homeIp }))).toMatchObject({ decision: 'allow' });
    expect(await decision(app, loginBody(imapUser, { clientIp: guessIp, password: 'not-the-password' }))).toEqual({
      decision: 'deny',
      reason: 'PASSWORD_WRONG',
    });
    expect(await decision(app, loginBody(closedUser, { clientIp: closedIp }))).toEqual({
      decision: 'deny',
      reason: 'AUTH_FAILED',
    });

    // Web: two failed sign-ins.
    for (const password of ['wrong-one', 'wrong-two']) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE },
        remoteAddress: webIp,
        payload: { email: imapUser.email, password },
      });
      expect(response.json()).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    }

    // One rate-limit refusal: the eleventh bad reset link from one address.
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt += 1) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/password-reset',
        headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE },
        remoteAddress: resetIp,
        payload: { token: `not-a-link-${attempt}`, newPassword: 'a-long-enough-new-password-77' },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.filter((status) => status === 429)).toHaveLength(1);
    expect(statuses.at(-1)).toBe(429);

    await app.get(LoginAttemptRecorder).flush();
    const after = await scrape();
    const moved = (name: string, labels: Record<string, string> = {}) =>
      sampleValue(after, name, labels) - sampleValue(before, name, labels);

    const decisions = 'mailgate_mail_decisions_total';
    expect(moved(decisions, { protocol: 'imap', decision: 'allow', reason: 'OK' })).toBe(2);
    expect(moved(decisions, { protocol: 'imap', decision: 'deny', reason: 'PASSWORD_WRONG' })).toBe(1);
    expect(moved(decisions, { protocol: 'imap', decision: 'deny', reason: 'PROTOCOL_DISABLED' })).toBe(1);
    expect(moved(decisions)).toBe(4);
    const latency = 'mailgate_mail_decision_duration_seconds_count';
    expect(moved(latency, { protocol: 'imap', decision: 'allow' })).toBe(2);
    expect(moved(latency, { protocol: 'imap', decision: 'deny' })).toBe(2);
    expect(moved('mailgate_mail_tempfails_total')).toBe(0);

    // Credential cache: only the repeated allow was a hit. State cache: each user loaded once.
    const caches = 'mailgate_mail_cache_lookups_total';
    expect(moved(caches, { cache: 'credential', result: 'hit' })).toBe(1);
    expect(moved(caches, { cache: 'credential', result: 'miss' })).toBe(3);
    expect(moved(caches, { cache: 'state', result: 'hit' })).toBe(2);
    expect(moved(caches, { cache: 'state', result: 'miss' })).toBe(2);
    expect(moved(caches, { result: 'bypass' })).toBe(0);

    // Two pair locks: the wrong password, and the masked refusal, which must count like one
    // (else the lock would come one guess later and give the right guess away).
    expect(moved('mailgate_auth_locks_set_total', { scope: 'USER_IP', family: 'MAIL' })).toBe(2);
    expect(moved('mailgate_auth_locks_set_total')).toBe(2);

    expect(moved('mailgate_web_sign_ins_total', { step: 'password', outcome: 'INVALID_CREDENTIALS' })).toBe(2);
    expect(moved('mailgate_web_sign_ins_total')).toBe(2);
    expect(moved('mailgate_rate_limit_refusals_total', { limit: 'password-reset:ip' })).toBe(1);
    expect(moved('mailgate_rate_limit_refusals_total')).toBe(1);
    expect(moved('mailgate_doveadm_calls_total')).toBe(0);

    // The attempts were written: at least one batch, and nothing left waiting.
    expect(moved('mailgate_login_attempts_flush_duration_seconds_count', { result: 'ok' })).toBeGreaterThan(0);
    expect(sampleValue(after, 'mailgate_login_attempts_queue_depth')).toBe(0);
    expect(sampleValue(after, 'mailgate_db_pool_max_connections', { pool: 'main' })).toBe(20);
    expect(sampleValue(after, 'mailgate_db_pool_max_connections', { pool: 'attempts' })).toBe(1);
    expect(sampleValue(after, 'mailgate_db_pool_connections', { pool: 'main', state: 'total' })).toBeGreaterThan(0);
    expect(after.some((sample) => sample.name === 'nodejs_eventloop_lag_seconds')).toBe(true);

    const personal = [imapUser, closedUser].flatMap((user) => [user.email, user.id]);
    personal.push(homeIp, guessIp, closedIp, webIp, resetIp);
    const labelValues = after.flatMap((sample) => Object.values(sample.labels));
    expect(labelValues.filter((value) => personal.some((secret) => value.includes(secret)))).toEqual([]);
  });
});
