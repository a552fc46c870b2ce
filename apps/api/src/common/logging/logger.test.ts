import { PassThrough } from 'node:stream';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.factory.js';
import { PrismaService } from '../../database/prisma.service.js';
import { createUser, signIn, type BuiltUser } from '../../../test/support/builders.js';
import { loginBody, mailAuthEnv, postDecision, TEST_MAIL_TOKEN } from '../../../test/support/mail-auth-client.js';
import { testConfig } from '../../../test/support/test-config.js';
import { createRootLogger } from './logger.js';

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
    });
    await app.getHttpAdapter().getInstance().ready();
    user = await createUser(app.get(PrismaService), { imap: true, smtp: true });
    secrets.push(user.password, TEST_MAIL_TOKEN);
  });
  afterAll(() => app?.close());

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
});
