import pg from 'pg';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestApp } from '../../test/support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../test/db/test-database.js';
import { createUser } from '../../test/support/builders.js';
import { loginBody, mailAuthEnv, postDecision } from '../../test/support/mail-auth-client.js';
import { ClusterEventsService } from '../infrastructure/cluster-events/cluster-events.service.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { LoginAttemptRecorder } from '../login-attempts/login-attempt-recorder.js';
import { MailgateMetrics } from '../infrastructure/metrics/mailgate-metrics.js';
import { parseExposition, sampleValue } from '../../test/support/metrics-scrape.js';

describe('when Mailgate cannot decide', () => {
  let database: TestDatabase;
  let app: NestFastifyApplication;
  const onServer = async (sql: string) => {
    const client = new pg.Client({ connectionString: database.serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const setReachable = async (reachable: boolean) => {
    await onServer(`ALTER DATABASE "${database.name}" WITH ALLOW_CONNECTIONS ${reachable}`);
    if (!reachable) {
      await onServer(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database.name}'`);
    }
  };

  beforeAll(async () => {
    // A database of its own, so taking it away does not disturb other tests.
    database = await createTestDatabase({ serverUrl: inject('databaseServerUrl') });
    app = await createTestApp(mailAuthEnv({ DATABASE_URL: database.url, MAIL_AUTH_DB_TIMEOUT_MS: '1500' }));
  });
  afterAll(async () => {
    await setReachable(true).catch(() => undefined);
    await app.close();
    await database.drop();
  });

  it('answers 503 tempfail, never allow, while the database is away, and recovers after', async () => {
    const user = await createUser(app.get(PrismaService), { imap: true });
    expect((await postDecision(app, loginBody(user))).json()).toMatchObject({ decision: 'allow' });
    await setReachable(false);
    // Until the instance notices that its invalidation channel went down with the database, a
    // repeat login may still be answered from memory (safe: no change can commit meanwhile, and
    // one that committed before was announced first). From then on nothing cached is trusted.
    await expect.poll(() => app.get(ClusterEventsService).isListening(), { timeout: 10_000 }).toBe(false);
    const scrape = async () => parseExposition(await app.get(MailgateMetrics).render());
    const before = await scrape();
    try {
      for (const body of [loginBody(user), loginBody({ email: 'nobody@example.test', password: 'x' })]) {
        const response = await postDecision(app, body);
        expect(response.statusCode).toBe(503);
        expect(response.json()).toEqual({ decision: 'tempfail' });
      }
      const lookup = await app.inject({
        method: 'GET',
        url: `/api/mail/v1/users/${encodeURIComponent(user.email)}`,
        headers: { authorization: `Bearer ${mailAuthEnv().MAILGATE_MAIL_TOKEN}` },
      });
      expect(lookup.statusCode).toBe(503);
      expect(lookup.json()).toEqual({ decision: 'tempfail' });
      // Each tempfail answer is counted for the operator's alert: two decisions and the lookup.
      const after = await scrape();
      const moved = (name: string, labels: Record<string, string> = {}) =>
        sampleValue(after, name, labels) - sampleValue(before, name, labels);
      expect(moved('mailgate_mail_tempfails_total', { cause: 'dependency' })).toBe(3);
      expect(moved('mailgate_mail_tempfails_total')).toBe(3);
      expect(moved('mailgate_mail_decisions_total', { decision: 'tempfail', reason: 'TEMPFAIL' })).toBe(2);
      expect(moved('mailgate_mail_decision_duration_seconds_count', { decision: 'tempfail' })).toBe(2);
    } finally {
      await setReachable(true);
    }
    await expect.poll(async () => (await postDecision(app, loginBody(user))).statusCode, { timeout: 15_000 }).toBe(200);
    // The refusals were kept while the database was away, and written once it was back.
    await app.get(LoginAttemptRecorder).flush();
    const tempfails = await app
      .get(PrismaService)
      .loginAttempt.findMany({ where: { loginAsTyped: user.email, result: 'TEMPFAIL', reasonCode: 'TEMPFAIL' } });
    // The login named a user this instance had resolved: the row keeps the user, so the owner
    // and support see it.
    expect(tempfails.map((attempt) => attempt.userId)).toEqual([user.id]);
  });
});
