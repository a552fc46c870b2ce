import argon2 from 'argon2';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { describe, expect, it, vi } from 'vitest';
import { withTestApp } from '../../test/support/test-app.js';
import { createUser, signIn } from '../../test/support/builders.js';
import {
  decision,
  familiarIp,
  loginBody,
  mailAuthEnv,
  postDecision,
  randomIp,
} from '../../test/support/mail-auth-client.js';
import { BruteForceService } from '../auth-locks/brute-force.service.js';
import type { PrismaService } from '../infrastructure/database/prisma.service.js';
import type { SecretKeyring } from '../infrastructure/common/crypto/secret-keyring.js';
import { GlobalSettingsService } from '../settings/global-settings.service.js';
import { LoginAttemptRecorder } from '../login-attempts/login-attempt-recorder.js';

describe('POST /api/mail/v1/auth', () => {
  let app: NestFastifyApplication;
  let prisma: PrismaService;
  let keyring: SecretKeyring;
  withTestApp((started) => ({ app, prisma, keyring } = started), mailAuthEnv());

  /** An address this user logged in from recently, as PostgreSQL remembers it. */
  const attemptsOf = async (userId: string) => {
    await app.get(LoginAttemptRecorder).flush();
    return prisma.loginAttempt.findMany({ where: { userId }, orderBy: { id: 'asc' } });
  };

  it('allows the main password, case- and space-insensitive login, NFKC password, and records the attempt', async () => {
    const user = await createUser(prisma, { imap: true, password: 'Cafe\u0301-latte-42' });
    const body = loginBody(user, { username: `  ${user.email.toUpperCase()} `, password: 'Caf\u00e9-latte-42' });
    expect(await decision(app, body)).toEqual({
      decision: 'allow',
      user: user.email,
      credential: 'password',
      userdb: {},
    });
    const [attempt] = await attemptsOf(user.id);
    expect(attempt).toMatchObject({
      result: 'ALLOW',
      reasonCode: 'OK',
      credential: 'PASSWORD',
      protocol: 'IMAP',
      clientIp: body.clientIp,
      secured: true,
    });
    expect(attempt?.loginAsTyped).toBe(body.username);
  });

  it('allows an app password in any case and spacing, and records its last use', async () => {
    const user = await createUser(prisma, {
      pop3: { enabled: true, pop3KeepCopy: true },
      appPasswords: [{ scopes: ['POP3'] }],
      keyring,
    });
    const secret = user.appPasswords[0]!.secret.toLowerCase().replaceAll('-', ' ');
    const body = loginBody(user, { password: secret, protocol: 'pop3' });
    expect(await decision(app, body)).toEqual({
      decision: 'allow',
      user: user.email,
      credential: 'app-password',
      userdb: { pop3_deleted_flag: '$POP3Deleted' },
    });
    await app.get(LoginAttemptRecorder).flush();
    const stored = await prisma.appPassword.findUniqueOrThrow({ where: { id: user.appPasswords[0]!.id } });
    expect(stored).toMatchObject({ lastUsedIp: body.clientIp, lastUsedProtocol: 'POP3' });
    expect(stored.lastUsedAt).not.toBeNull();
    expect((await attemptsOf(user.id))[0]).toMatchObject({
      credential: 'APP_PASSWORD',
      appPasswordId: user.appPasswords[0]!.id,
    });
  });

  it('sends no POP3 flag when the user chose to delete on the server', async () => {
    const user = await createUser(prisma, { pop3: { enabled: true, pop3KeepCopy: false } });
    expect(await decision(app, loginBody(user, { protocol: 'pop3' }))).toMatchObject({ decision: 'allow', userdb: {} });
  });

  it.each([
    ['PROTOCOL_DISABLED', { imap: false }, {}],
    ['PROTOCOL_DISABLED', {}, {}],
    ['PROTOCOL_EXPIRED', { imap: { enabled: true, enabledUntil: new Date(Date.now() - 1000) } }, {}],
    ['TLS_REQUIRED', { imap: true }, { secured: false }],
    ['ACCOUNT_DISABLED', { imap: true, disabled: true }, {}],
    ['MAIN_PASSWORD_NOT_ALLOWED', { imap: true, totp: true }, {}],
  ] as const)(
    'denies with %s, named only to an address the user recently logged in from',
    async (reason, options, overrides) => {
      const user = await createUser(prisma, { ...options, keyring });
      // From a new address the right password is refused exactly like a wrong one (no oracle)...
      expect(await decision(app, loginBody(user, overrides))).toEqual({ decision: 'deny', reason: 'AUTH_FAILED' });
      expect(await decision(app, loginBody(user, { ...overrides, password: 'wrong' }))).toEqual({
        decision: 'deny',
        reason: 'PASSWORD_WRONG',
      });
      // ...from a familiar one the mail server gets the reason it can show (nologin).
      const home = await familiarIp(prisma, user.id);
      expect(await decision(app, loginBody(user, { ...overrides, clientIp: home }))).toEqual({
        decision: 'deny',
        reason,
      });
      // The attempt log keeps the true reason either way.
      const logged = (await attemptsOf(user.id)).map((attempt) => `${attempt.reasonCode}/${attempt.credential}`);
      expect(logged.toSorted()).toEqual([`${reason}/PASSWORD`, `${reason}/PASSWORD`, 'PASSWORD_WRONG/NONE'].toSorted());
    },
  );

  it('counts the masked refusal of a right password like a wrong one (a lock must not give it away)', async () => {
    const user = await createUser(prisma, { imap: false });
    const clientIp = randomIp();
    const limit = app.get(BruteForceService).limits.pairFailures;
    for (let i = 0; i < limit - 1; i += 1) {
      expect(await decision(app, loginBody(user, { clientIp, password: `wrong-${i}` }))).toMatchObject({
        reason: 'PASSWORD_WRONG',
      });
    }
    expect(await decision(app, loginBody(user, { clientIp }))).toEqual({ decision: 'deny', reason: 'AUTH_FAILED' });
    expect(await decision(app, loginBody(user, { clientIp }))).toEqual({ decision: 'deny', reason: 'LOCKED_USER_IP' });
  });

  it('treats an address of a recent web sign-in as familiar', async () => {
    const user = await createUser(prisma, { imap: false });
    const clientIp = randomIp();
    await signIn(app, user, { remoteAddress: clientIp });
    expect(await decision(app, loginBody(user, { clientIp }))).toEqual({
      decision: 'deny',
      reason: 'PROTOCOL_DISABLED',
    });
  });

  it.each([
    ['APP_PASSWORD_SCOPE', { scopes: ['SMTP'] }],
    ['APP_PASSWORD_EXPIRED', { scopes: ['IMAP'], expiresAt: new Date(Date.now() - 1000) }],
    ['APP_PASSWORD_REVOKED', { scopes: ['IMAP'], revokedAt: new Date(Date.now() - 1000) }],
  ] as const)('denies an app password with %s', async (reason, appPassword) => {
    const user = await createUser(prisma, {
      imap: true,
      smtp: true,
      totp: true,
      appPasswords: [{ ...appPassword }],
      keyring,
    });
    const answer = await decision(app, loginBody(user, { password: user.appPasswords[0]!.secret }));
    expect(answer).toEqual({ decision: 'deny', reason });
  });

  it('follows the administrator: main password forbidden for everyone, TLS optional, protocols on by default', async () => {
    const settings = app.get(GlobalSettingsService);
    const real = await settings.get();
    const spy = vi.spyOn(settings, 'get');
    try {
      const user = await createUser(prisma, {});
      const clientIp = await familiarIp(prisma, user.id);
      spy.mockResolvedValue({ ...real, defaultImapEnabled: true, requireTlsForProtocols: false });
      expect(await decision(app, loginBody(user, { secured: false, clientIp }))).toMatchObject({ decision: 'allow' });
      spy.mockResolvedValue({ ...real, defaultImapEnabled: true, allowMainPasswordWithout2fa: false });
      expect(await decision(app, loginBody(user, { clientIp }))).toEqual({
        decision: 'deny',
        reason: 'MAIN_PASSWORD_NOT_ALLOWED',
      });
    } finally {
      spy.mockRestore();
    }
  });

  it('answers an unknown user exactly like a wrong password, after the same argon2id work', async () => {
    const user = await createUser(prisma, { imap: true });
    const verify = vi.spyOn(argon2, 'verify');
    try {
      const wrong = await postDecision(app, loginBody(user, { password: 'not-the-password' }));
      const unknown = await postDecision(app, loginBody({ email: `nobody-${user.id}@example.test`, password: 'x' }));
      expect(verify).toHaveBeenCalledTimes(2);
      expect([wrong.statusCode, unknown.statusCode]).toEqual([200, 200]);
      expect(Object.keys(wrong.json())).toEqual(Object.keys(unknown.json()));
      expect(wrong.json()).toEqual({ decision: 'deny', reason: 'PASSWORD_WRONG' });
      expect(unknown.json()).toEqual({ decision: 'deny', reason: 'USER_UNKNOWN' });
      expect(wrong.headers['content-type']).toBe(unknown.headers['content-type']);
    } finally {
      verify.mockRestore();
    }
  });

  it('names a failed app-password-shaped secret APP_PASSWORD_WRONG', async () => {
    const user = await createUser(prisma, { imap: true, appPasswords: [{ scopes: ['IMAP'] }], keyring });
    const answer = await decision(app, loginBody(user, { password: 'ABCD-EFGH-JKLM-NPQR-STUV-WXYZ' }));
    expect(answer).toEqual({ decision: 'deny', reason: 'APP_PASSWORD_WRONG' });
  });
});
