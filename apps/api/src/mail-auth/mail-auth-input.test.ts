import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { describe, expect, it } from 'vitest';
import { withTestApp } from '../../test/support/test-app.js';
import { createUser } from '../../test/support/builders.js';
import { loginBody, mailAuthEnv, postDecision, TEST_MAIL_TOKEN } from '../../test/support/mail-auth-client.js';
import type { PrismaService } from '../infrastructure/database/prisma.service.js';
import { LoginAttemptRecorder } from '../login-attempts/login-attempt-recorder.js';
import { ServiceTokensService } from '../service-tokens/service-tokens.service.js';
import { SYSTEM_ACTOR } from '../audit/audit.types.js';

describe('mail-auth bad input and token guard', () => {
  let app: NestFastifyApplication;
  let prisma: PrismaService;
  withTestApp((started) => ({ app, prisma } = started), mailAuthEnv());

  describe('400 with a code, never an allow or a 5xx', () => {
    const LONG = 'x'.repeat(1025);
    const LONG_MULTIBYTE = 'é'.repeat(513); // 1026 bytes in UTF-8, 513 characters
    it.each<[string, (base: Record<string, unknown>) => unknown, string]>([
      ['a missing field', ({ secured: _secured, ...rest }) => rest, 'MAIL_AUTH_INVALID_REQUEST'],
      ['an unknown field', (base) => ({ ...base, admin: true }), 'MAIL_AUTH_INVALID_REQUEST'],
      ['secured as a string', (base) => ({ ...base, secured: 'yes' }), 'MAIL_AUTH_INVALID_REQUEST'],
      ['an empty password', (base) => ({ ...base, password: '' }), 'MAIL_AUTH_INVALID_REQUEST'],
      ['an array body', () => [], 'MAIL_AUTH_INVALID_REQUEST'],
      ['an unknown protocol', (base) => ({ ...base, protocol: 'ftp' }), 'MAIL_AUTH_UNKNOWN_PROTOCOL'],
      ['an upper-case protocol', (base) => ({ ...base, protocol: 'IMAP' }), 'MAIL_AUTH_UNKNOWN_PROTOCOL'],
      ['a username over 1 KiB', (base) => ({ ...base, username: LONG }), 'MAIL_AUTH_FIELD_TOO_LONG'],
      ['a password over 1 KiB', (base) => ({ ...base, password: LONG }), 'MAIL_AUTH_FIELD_TOO_LONG'],
      ['a password over 1 KiB in bytes', (base) => ({ ...base, password: LONG_MULTIBYTE }), 'MAIL_AUTH_FIELD_TOO_LONG'],
      ['a NUL in the password', (base) => ({ ...base, password: 'abc\u0000def' }), 'MAIL_AUTH_FORBIDDEN_CHARACTERS'],
      [
        'a NUL in the username',
        (base) => ({ ...base, username: `${String(base.username)}\u0000` }),
        'MAIL_AUTH_FORBIDDEN_CHARACTERS',
      ],
      ['a lone surrogate', (base) => ({ ...base, password: 'abc\ud800' }), 'MAIL_AUTH_FORBIDDEN_CHARACTERS'],
      [
        'a host name as clientIp',
        (base) => ({ ...base, clientIp: 'mail.example.test' }),
        'MAIL_AUTH_INVALID_CLIENT_IP',
      ],
      ['a CIDR as clientIp', (base) => ({ ...base, clientIp: '10.0.0.0/8' }), 'MAIL_AUTH_INVALID_CLIENT_IP'],
      ['a number as clientIp', (base) => ({ ...base, clientIp: 167772161 }), 'MAIL_AUTH_INVALID_CLIENT_IP'],
    ])('refuses %s', async (_name, mutate, code) => {
      const user = await createUser(prisma, { imap: true });
      const response = await postDecision(app, mutate(loginBody(user)));
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code, status: 400 });
      expect(response.body).not.toContain('"decision"');
    });

    it('accepts a password with quotes, backslashes and control characters other than NUL', async () => {
      const password = 'q"\\\t\u0001\u007f-ß';
      const user = await createUser(prisma, { imap: true, password });
      expect((await postDecision(app, loginBody(user, { password }))).json()).toMatchObject({ decision: 'allow' });
    });

    it.each([
      ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), 'INVALID_ENCODING'],
      ['malformed JSON', '{"username": ', 'MALFORMED_JSON'],
      ['an empty body', '', 'MALFORMED_JSON'],
    ])('refuses %s', async (_name, payload, code) => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/mail/v1/auth',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_MAIL_TOKEN}` },
        payload,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code });
    });

    it('records a refused request as an attempt when the user is identifiable, with NUL bytes replaced', async () => {
      const user = await createUser(prisma, { imap: true });
      await postDecision(app, loginBody(user, { protocol: 'ftp' as 'imap' }));
      await postDecision(app, loginBody(user, { username: `${user.email}\u0000x` }));
      // The recorder resolves the user off the response path; give it a moment, then flush.
      await expect
        .poll(async () => {
          await app.get(LoginAttemptRecorder).flush();
          return prisma.loginAttempt.count({
            where: { OR: [{ userId: user.id }, { loginAsTyped: { startsWith: user.email } }] },
          });
        })
        .toBe(2);
      const attempts = await prisma.loginAttempt.findMany({
        where: { OR: [{ userId: user.id }, { loginAsTyped: { startsWith: user.email } }] },
        orderBy: { id: 'asc' },
      });
      expect(attempts.map((attempt) => [attempt.result, attempt.reasonCode])).toEqual([
        ['DENY', 'INVALID_REQUEST'],
        ['DENY', 'INVALID_REQUEST'],
      ]);
      // Recorded off the response path, so the two may land in either order.
      expect(attempts.find((attempt) => attempt.loginAsTyped === user.email)?.userId).toBe(user.id);
      expect(attempts.map((attempt) => attempt.loginAsTyped)).toContain(`${user.email}\ufffdx`);
    });
  });

  describe('service token', () => {
    it.each([
      ['no Authorization header', {}],
      ['a wrong token', { authorization: `Bearer mgt_${'x'.repeat(43)}` }],
      ['a Basic credential', { authorization: `Basic ${Buffer.from(`a:${TEST_MAIL_TOKEN}`).toString('base64')}` }],
      ['the token without the Bearer scheme', { authorization: TEST_MAIL_TOKEN }],
    ])('answers 401 without detail for %s', async (_name, headers) => {
      const user = await createUser(prisma, { imap: true });
      const response = await app.inject({
        method: 'POST',
        url: '/api/mail/v1/auth',
        headers: { 'content-type': 'application/json', ...headers },
        payload: JSON.stringify(loginBody(user)),
      });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(response.json().detail).toBeUndefined();
      const lookup = await app.inject({ method: 'GET', url: `/api/mail/v1/users/${user.email}`, headers });
      expect(lookup.statusCode).toBe(401);
    });

    it('accepts a created token and refuses it once revoked', async () => {
      const tokens = app.get(ServiceTokensService);
      const name = `test-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
      const { id, token } = await tokens.create({ name, actor: SYSTEM_ACTOR, meta: null });
      const user = await createUser(prisma, { imap: true });
      expect((await postDecision(app, loginBody(user), token)).statusCode).toBe(200);
      await tokens.revoke({ id, actor: SYSTEM_ACTOR, meta: null });
      expect((await postDecision(app, loginBody(user), token)).statusCode).toBe(401);
      const listed = (await tokens.list()).find((entry) => entry.id === id);
      expect(listed).toMatchObject({ name, revokedAt: expect.any(String) });
      expect(JSON.stringify(listed)).not.toContain(token);
    });
  });
});
