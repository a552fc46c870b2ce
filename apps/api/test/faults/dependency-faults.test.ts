import pg from 'pg';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '@mailgate/db';
import { createTestApp } from '../support/test-app.js';
import { createUser, signedInAs, signIn, type BuiltUser, type SignedIn } from '../support/builders.js';
import { loginBody, mailAuthEnv, postDecision } from '../support/mail-auth-client.js';
import { PrismaService } from '../../src/infrastructure/database/prisma.service.js';
import { ClusterEventsService } from '../../src/infrastructure/cluster-events/cluster-events.service.js';
import {
  startPrivatePostgres,
  startPrivateRedis,
  type PrivatePostgres,
  type PrivateRedis,
} from './private-processes.js';

const DECISION_BUDGET_MS = 1_000;
// What a hung dependency may cost on top of the decision's own budget (the token check's short
// wait), plus room for a loaded test machine. The old code did not answer at all.
const DECISION_LIMIT_MS = DECISION_BUDGET_MS * 3;
const READY_LIMIT_MS = 1_000;

async function timed(
  work: () => Promise<LightMyRequestResponse>,
): Promise<{ response: LightMyRequestResponse; ms: number }> {
  const started = performance.now();
  const response = await work();
  return { response, ms: performance.now() - started };
}

/**
 * Outages as they happen: the API's own PostgreSQL and Redis processes, frozen with SIGSTOP
 * (a partition, a stuck volume: the socket stays open and nothing answers), resumed with SIGCONT,
 * and killed. The servers are private to this file; the shared ones are never touched.
 */
describe('when a dependency hangs or dies', () => {
  let postgres: PrivatePostgres;
  let redis: PrivateRedis;
  let app: NestFastifyApplication;
  let prisma: PrismaService;
  let user: BuiltUser;
  let session: SignedIn;

  const decide = (body: object, token?: string | null) => timed(() => postDecision(app, body, token));
  const ready = () => timed(() => app.inject({ method: 'GET', url: '/api/ready' }));

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPrivatePostgres(), startPrivateRedis()]);
    const admin = new pg.Client({ connectionString: postgres.serverUrl });
    await admin.connect();
    await admin.query('CREATE DATABASE mailgate');
    await admin.end();
    await applyMigrations(postgres.urlFor('mailgate'));
    app = await createTestApp(
      mailAuthEnv({
        DATABASE_URL: postgres.urlFor('mailgate'),
        REDIS_URL: redis.url,
        MAIL_AUTH_DB_TIMEOUT_MS: String(DECISION_BUDGET_MS),
        DATABASE_CONNECT_TIMEOUT_MS: '1000',
        DATABASE_QUERY_TIMEOUT_MS: '2000',
        REDIS_COMMAND_TIMEOUT_MS: '300',
      }),
    );
    prisma = app.get(PrismaService);
    user = await createUser(prisma, { imap: true });
    session = await signedInAs(app, user);
  }, 120_000);
  afterAll(async () => {
    postgres?.resume();
    redis?.resume();
    await app?.close();
    await Promise.all([postgres?.stop(), redis?.stop()]);
  });

  it('answers from the start: allow, and ready', async () => {
    expect((await decide(loginBody(user))).response.json()).toMatchObject({ decision: 'allow' });
    const { response } = await ready();
    expect(response.json()).toMatchObject({ status: 'ready' });
  });

  describe('PostgreSQL frozen', () => {
    let unseen: BuiltUser;
    beforeAll(async () => {
      unseen = await createUser(prisma, { imap: true });
      postgres.freeze();
    });
    afterAll(() => postgres.resume());

    it('answers tempfail within budget for a user whose state is not in memory, never allow', async () => {
      const { response, ms } = await decide(loginBody(unseen));
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({ decision: 'tempfail' });
      expect(ms).toBeLessThan(DECISION_LIMIT_MS);
    });

    it('readiness answers within a second and says unavailable', async () => {
      const { response, ms } = await ready();
      expect(ms).toBeLessThan(READY_LIMIT_MS);
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({
        status: 'unavailable',
        checks: expect.arrayContaining([{ name: 'database', ok: false, detail: 'database not answering in time' }]),
      });
    });

    it('the portal answers 503 with a code, not 500 and not never', async () => {
      const response = await app.inject({ method: 'GET', url: '/api/auth/sessions', cookies: session.cookies });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503 });
      expect(response.headers['retry-after']).toBe('5');
    });

    it('once the invalidation channel is lost, the service-token check answers from the last known good set, within budget', async () => {
      // The channel's heartbeat notices the hang; from then on no cache is trusted, and the token
      // check has to ask the database (where the old code waited forever).
      await expect
        .poll(() => app.get(ClusterEventsService).isListening(), { timeout: 30_000, interval: 250 })
        .toBe(false);
      for (const body of [loginBody(user), loginBody(unseen)]) {
        const { response, ms } = await decide(body);
        expect(response.json()).toEqual({ decision: 'tempfail' });
        expect(ms).toBeLessThan(DECISION_LIMIT_MS);
      }
      // A token this instance never verified cannot be vouched for: tempfail, not a 401 and not a pass.
      const { response, ms } = await decide(loginBody(user), 'mgt_never-seen-token-0123456789abcdefghijklmnop');
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({ decision: 'tempfail' });
      expect(ms).toBeLessThan(DECISION_LIMIT_MS);
    }, 60_000);

    it('recovers after SIGCONT without a restart', async () => {
      postgres.resume();
      await expect
        .poll(async () => (await decide(loginBody(unseen))).response.json(), { timeout: 20_000, interval: 250 })
        .toMatchObject({ decision: 'allow' });
      await expect.poll(async () => (await ready()).response.json().status, { timeout: 20_000 }).toBe('ready');
      const sessions = await app.inject({ method: 'GET', url: '/api/auth/sessions', cookies: session.cookies });
      expect(sessions.statusCode).toBe(200);
    }, 60_000);
  });

  describe('Redis frozen', () => {
    beforeAll(() => redis.freeze());
    afterAll(() => redis.resume());

    it('decisions answer from the per-instance fallback within budget', async () => {
      for (let attempt = 0; attempt < 3; attempt++) {
        const { response, ms } = await decide(loginBody(user));
        expect(response.json()).toMatchObject({ decision: 'allow' });
        expect(ms).toBeLessThan(DECISION_LIMIT_MS);
      }
      const wrong = await decide(loginBody(user, { password: 'not-the-password' }));
      expect(wrong.response.json()).toMatchObject({ decision: 'deny' });
    });

    it('readiness says degraded, within a second', async () => {
      const { response, ms } = await ready();
      expect(ms).toBeLessThan(READY_LIMIT_MS);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        status: 'degraded',
        checks: expect.arrayContaining([expect.objectContaining({ name: 'redis', ok: false })]),
      });
    });

    it('web sign-in answers', async () => {
      const signedIn = await signIn(app, user);
      expect(signedIn.sessionId).toEqual(expect.any(String));
    });

    it('is used again once it answers, without a restart', async () => {
      redis.resume();
      await expect.poll(async () => (await ready()).response.json().status, { timeout: 10_000 }).toBe('ready');
    });
  });

  describe('killed', () => {
    it('without Redis, decisions still answer and readiness says degraded', async () => {
      await redis.stop();
      expect((await decide(loginBody(user))).response.json()).toMatchObject({ decision: 'allow' });
      await expect.poll(async () => (await ready()).response.json().status).toBe('degraded');
    });

    it('without PostgreSQL, decisions tempfail within budget and readiness says unavailable', async () => {
      const unseen = await createUser(prisma, { imap: true });
      await postgres.stop();
      const { response, ms } = await decide(loginBody(unseen));
      expect(response.json()).toEqual({ decision: 'tempfail' });
      expect(ms).toBeLessThan(DECISION_LIMIT_MS);
      const readiness = await ready();
      expect(readiness.ms).toBeLessThan(READY_LIMIT_MS);
      expect(readiness.response.json()).toMatchObject({ status: 'unavailable' });
      const portal = await app.inject({ method: 'GET', url: '/api/auth/sessions', cookies: session.cookies });
      expect(portal.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    });
  });
});
