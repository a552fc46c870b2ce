import { PassThrough } from 'node:stream';
import { Controller, Logger, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineOperation } from '@mailgate/contracts';
import { Public } from '../../../auth/auth.decorators.js';
import { ContractRoute } from '../http/contract-route.decorator.js';
import { createApp } from '../../../app.factory.js';
import { PrismaService } from '../../database/prisma.service.js';
import { createUser, signIn, type BuiltUser } from '../../../../test/support/builders.js';
import { loginBody, mailAuthEnv, postDecision, TEST_MAIL_TOKEN } from '../../../../test/support/mail-auth-client.js';
import { testConfig } from '../../../../test/support/test-config.js';
import { createRootLogger } from './logger.js';

const fail = defineOperation(
  { method: 'get', path: '/api/test/log-probe' },
  {
    tag: 'Test',
    summary: 'Fails',
    responses: { 200: null },
  },
);

@Public()
@Controller()
class LogProbeController {
  @ContractRoute(fail)
  fail(): never {
    throw new Error('probe failure from deepFunctionName');
  }
}

@Module({ controllers: [LogProbeController] })
class LogProbeModule {}

/**
 * Drives the flows that carry secrets (web sign-in, a wrong password, a refused body, mail
 * logins with the account password and an app password, app-password creation) with the most
 * verbose log level, and reads everything the process logged.
 */
describe('logs', () => {
  let app: NestFastifyApplication;
  let user: BuiltUser;
  const lines: string[] = [];
  const secrets: string[] = [];

  beforeAll(async () => {
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => lines.push(chunk.toString('utf8')));
    app = await createApp(testConfig({ ...mailAuthEnv(), LOG_LEVEL: 'trace' }), {
      logger: createRootLogger('trace', stream),
      imports: [LogProbeModule],
    });
    await app.getHttpAdapter().getInstance().ready();
    user = await createUser(app.get(PrismaService), { imap: true, smtp: true });
    secrets.push(user.password, TEST_MAIL_TOKEN);
  });
  afterAll(() => app?.close());

  /** Every JSON line logged so far. */
  const entries = async (): Promise<Record<string, unknown>[]> => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    return lines
      .join('')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  };

  it('never contain passwords, app passwords, session cookies or service tokens', async () => {
    const session = await signIn(app, user);
    secrets.push(...Object.values(session.cookies));

    const wrong = `${user.password}-but-wrong`;
    secrets.push(wrong);
    await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: session.headers,
      payload: { email: user.email, password: wrong },
    });
    await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: session.headers,
      payload: { email: user.email, password: wrong, unexpected: true },
    });

    const created = await app.inject({
      method: 'POST',
      url: '/api/account/app-passwords',
      headers: session.headers,
      cookies: session.cookies,
      payload: { name: 'Log test', scopes: ['IMAP'], expiresIn: 'never' },
    });
    expect(created.statusCode).toBe(201);
    const appPassword = created.json<{ secret: string }>().secret;
    secrets.push(appPassword);

    expect((await postDecision(app, loginBody(user))).json()).toMatchObject({ decision: 'allow' });
    expect((await postDecision(app, loginBody(user, { password: appPassword }))).json()).toMatchObject({
      decision: 'allow',
    });
    expect((await postDecision(app, loginBody(user, { password: wrong }))).json()).toMatchObject({
      decision: 'deny',
    });

    await new Promise((resolve) => setTimeout(resolve, 50));
    const logged = lines.join('');
    // The log is there and detailed (so the assertion below is about content, not silence).
    expect(logged).toContain('request completed');
    expect(logged).toContain('/api/mail/v1/auth');
    for (const secret of secrets) expect(logged).not.toContain(secret);
    // App passwords are also accepted without dashes: that form must not appear either.
    expect(logged).not.toContain(appPassword.replaceAll('-', ''));
  });

  describe('log lines', () => {
    it('never contain a query string, whatever the route answers', async () => {
      const secret = `secret123-${Date.now()}`;
      for (const url of [
        `/api/auth/me?token=${secret}`,
        `/api/password-reset?token=${secret}`,
        `/api/nothing-here?token=${secret}&${secret}`,
        `/api/admin/users/%ED%A0%80?token=${secret}`,
        `/api/health?${secret}`,
      ]) {
        const response = await app.inject({ method: 'GET', url });
        expect(response.statusCode, url).toBeLessThan(500);
      }
      const logged = await entries();
      expect(JSON.stringify(logged)).not.toContain(secret);
      // The requests were logged, by path.
      const urls = logged.map((entry) => (entry.req as { url?: string } | undefined)?.url);
      expect(urls).toContain('/api/password-reset?[redacted]');
    });

    it('keep the message in msg and the context in context', async () => {
      const logger = new Logger('LogProbe');
      logger.log('plain message one');
      logger.warn({ requestId: 'probe-1' }, 'message after an object');
      const logged = await entries();
      expect(logged).toContainEqual(expect.objectContaining({ msg: 'plain message one', context: 'LogProbe' }));
      expect(logged).toContainEqual(
        expect.objectContaining({ msg: 'message after an object', context: 'LogProbe', requestId: 'probe-1' }),
      );
    });

    it('keep stack traces, passed as an error or as a stack, and never send them to the client', async () => {
      new Logger('LogProbe').error('explicit stack', new Error('from a stack').stack);
      const response = await app.inject({ method: 'GET', url: '/api/test/log-probe' });
      expect(response.statusCode).toBe(500);
      expect(response.body).not.toContain('deepFunctionName');
      expect(response.body).not.toMatch(/\bat /);

      const logged = await entries();
      const explicit = logged.find((entry) => entry.msg === 'explicit stack');
      expect(explicit).toMatchObject({ context: 'LogProbe', stack: expect.stringMatching(/from a stack\n\s+at /) });
      const failed = logged.find((entry) => entry.msg === 'request failed');
      expect(failed).toMatchObject({
        context: 'Errors',
        code: 'INTERNAL_ERROR',
        err: { message: 'probe failure from deepFunctionName', stack: expect.stringMatching(/\n\s+at /) },
      });
    });
  });
});
