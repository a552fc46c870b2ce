import pg from 'pg';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { describe, expect, inject, it, vi } from 'vitest';
import { createTestApp, withTestApp } from '../../test/support/test-app.js';
import { createUser, signedInAs } from '../../test/support/builders.js';
import { decision, loginBody, mailAuthEnv } from '../../test/support/mail-auth-client.js';
import type { PrismaService } from '../infrastructure/database/prisma.service.js';
import type { SecretKeyring } from '../infrastructure/common/crypto/secret-keyring.js';
import { GlobalSettingsService } from '../settings/global-settings.service.js';
import { LoginAttemptRecorder } from './login-attempt-recorder.js';
import { LoginAttemptsPruner, PRUNE_ADVISORY_LOCK_KEY } from './login-attempts-pruner.js';
import { LoginAttemptsService } from './login-attempts.service.js';
import { sanitiseForStorage } from './sanitise.js';

describe('login attempts', () => {
  let app: NestFastifyApplication;
  let prisma: PrismaService;
  let keyring: SecretKeyring;
  withTestApp((started) => ({ app, prisma, keyring } = started), mailAuthEnv());

  it('are written off the response path and flushed when the app closes', async () => {
    const other = await createTestApp(mailAuthEnv());
    const user = await createUser(prisma, { imap: true });
    for (let i = 0; i < 5; i += 1) await decision(other, loginBody(user));
    const recorder = other.get(LoginAttemptRecorder);
    // Recorded synchronously and closed at once: only the shutdown flush can write this one.
    recorder.record({
      userId: user.id,
      loginAsTyped: user.email,
      protocol: 'IMAP',
      clientIp: '192.0.2.1',
      secured: true,
      result: 'DENY',
      reasonCode: 'PASSWORD_WRONG',
      credential: 'NONE',
      appPasswordId: null,
      serviceTokenId: null,
      createdAt: new Date(),
    });
    expect(recorder.pending()).toBeGreaterThan(0);
    await other.close();
    expect(await prisma.loginAttempt.count({ where: { userId: user.id } })).toBe(6);
  });

  it('lists a user’s recent attempts newest first, with the app password’s name', async () => {
    const user = await createUser(prisma, { imap: true, appPasswords: [{ name: 'Phone', scopes: ['IMAP'] }], keyring });
    await decision(app, loginBody(user, { password: 'wrong' }));
    await decision(app, loginBody(user, { password: user.appPasswords[0]!.secret }));
    await app.get(LoginAttemptRecorder).flush();
    const recent = await app.get(LoginAttemptsService).recent(user.id, 10);
    expect(recent.map((attempt) => [attempt.result, attempt.reasonCode, attempt.appPasswordName])).toEqual([
      ['ALLOW', 'OK', 'Phone'],
      ['DENY', 'PASSWORD_WRONG', null],
    ]);
    expect(await app.get(LoginAttemptsService).recent(user.id, 1)).toHaveLength(1);
    // The portal's activity page shows the same attempts, without the login as typed.
    const session = await signedInAs(app, user);
    const page = await app.inject({ method: 'GET', url: '/api/account/activity/logins', cookies: session.cookies });
    expect(page.json()).toEqual({
      logins: recent.map(({ loginAsTyped: _typed, appPasswordId: _id, ...shown }) => shown),
    });
  });

  it('never lets NUL, control characters or lone surrogates reach the database', () => {
    expect(sanitiseForStorage('a\u0000b\u001bc\ud800d')).toBe('a\ufffdb\ufffdc\ufffdd');
    const long = sanitiseForStorage(`${'x'.repeat(255)}\u{1f600}`);
    expect(long.isWellFormed()).toBe(true);
    expect(long.length).toBeLessThanOrEqual(256);
  });

  describe('retention', () => {
    const seed = async (userId: string, daysAgo: number) =>
      prisma.loginAttempt.create({
        data: {
          userId,
          loginAsTyped: 'x',
          result: 'DENY',
          reasonCode: 'PASSWORD_WRONG',
          createdAt: new Date(Date.now() - daysAgo * 86_400_000),
        },
      });

    it('prunes attempts older than the configured retention, once across instances (advisory lock)', async () => {
      const user = await createUser(prisma, {});
      await seed(user.id, 40);
      await seed(user.id, 10);
      const settings = app.get(GlobalSettingsService);
      vi.spyOn(settings, 'get').mockResolvedValue({ ...(await settings.get()), loginAttemptRetentionDays: 30 });

      const holder = new pg.Client({ connectionString: inject('databaseUrl') });
      await holder.connect();
      try {
        // Another instance is pruning right now: this one skips its round.
        await holder.query('SELECT pg_advisory_lock($1)', [PRUNE_ADVISORY_LOCK_KEY.toString()]);
        expect(await app.get(LoginAttemptsPruner).prune()).toEqual({ ran: false });
        expect(await prisma.loginAttempt.count({ where: { userId: user.id } })).toBe(2);
        await holder.query('SELECT pg_advisory_unlock($1)', [PRUNE_ADVISORY_LOCK_KEY.toString()]);
        expect(await app.get(LoginAttemptsPruner).prune()).toMatchObject({ ran: true });
        const left = await prisma.loginAttempt.findMany({ where: { userId: user.id } });
        expect(left).toHaveLength(1);
        expect(Date.now() - left[0]!.createdAt.getTime()).toBeLessThan(11 * 86_400_000);
      } finally {
        vi.restoreAllMocks();
        await holder.end();
      }
    });

    it('keeps 90 days by default', async () => {
      expect((await app.get(GlobalSettingsService).get()).loginAttemptRetentionDays).toBe(90);
    });
  });
});
