import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { describe, expect, it } from 'vitest';
import { createTestApp, withTestApp } from '../../test/support/test-app.js';
import { createUser, signedInAs } from '../../test/support/builders.js';
import { decision, loginBody, mailAuthEnv, randomIp } from '../../test/support/mail-auth-client.js';
import type { PrismaService } from '../infrastructure/database/prisma.service.js';
import { SecretKeyring } from '../infrastructure/common/crypto/secret-keyring.js';
import { LoginAttemptRecorder } from './login-attempt-recorder.js';
import { FLOOD_ROWS_PER_IP_HOUR, hourOf } from './login-attempt-batch.js';
import { LoginAttemptsService } from './login-attempts.service.js';
import type { LoginAttemptRecord } from './login-attempts.types.js';

const refusal = (userId: string, clientIp: string, createdAt: Date): LoginAttemptRecord => ({
  userId,
  loginAsTyped: 'someone@example.test',
  protocol: 'IMAP',
  clientIp,
  secured: true,
  result: 'DENY',
  reasonCode: 'PASSWORD_WRONG',
  credential: 'PASSWORD',
  appPasswordId: null,
  serviceTokenId: null,
  createdAt,
});

describe('login history at scale', () => {
  let app: NestFastifyApplication;
  let prisma: PrismaService;
  withTestApp((started) => ({ app, prisma } = started), mailAuthEnv());

  it('keeps repeat successes of one device as one row per hour, counted, across flushes and instances', async () => {
    // The logins below must fall into one hour: close to the next one, start after it.
    const untilNextHour = 3_600_000 - (Date.now() % 3_600_000);
    if (untilNextHour < 30_000) await new Promise((resolve) => setTimeout(resolve, untilNextHour + 100));
    const user = await createUser(prisma, {
      imap: true,
      appPasswords: [{ name: 'Phone', scopes: ['IMAP'] }],
      keyring: app.get(SecretKeyring),
    });
    const other = await createTestApp(mailAuthEnv());
    try {
      const phone = loginBody(user, { password: user.appPasswords[0]!.secret });
      for (let i = 0; i < 3; i += 1) expect(await decision(app, phone)).toMatchObject({ decision: 'allow' });
      await app.get(LoginAttemptRecorder).flush();
      // The same device through another instance, and again through the first: added to that row.
      for (let i = 0; i < 2; i += 1) expect(await decision(other, phone)).toMatchObject({ decision: 'allow' });
      await other.get(LoginAttemptRecorder).flush();
      expect(await decision(app, phone)).toMatchObject({ decision: 'allow' });
      // Another device (address) of the same user is a row of its own.
      expect(await decision(app, { ...phone, clientIp: randomIp() })).toMatchObject({ decision: 'allow' });
      await app.get(LoginAttemptRecorder).flush();
    } finally {
      await other.close();
    }
    const rows = await prisma.loginAttempt.findMany({ where: { userId: user.id }, orderBy: { count: 'desc' } });
    expect(rows.map((row) => [row.result, row.credential, row.count])).toEqual([
      ['ALLOW', 'APP_PASSWORD', 6],
      ['ALLOW', 'APP_PASSWORD', 1],
    ]);
    const [device] = rows;
    expect(device!.createdAt).toEqual(hourOf(device!.firstAt!));
    expect(device!.lastAt!.getTime()).toBeGreaterThanOrEqual(device!.firstAt!.getTime());
    // The activity view shows each device's row once, as of its last login.
    const recent = await app.get(LoginAttemptsService).recent(user.id, 10);
    expect(recent).toHaveLength(2);
    expect(recent.map((attempt) => attempt.appPasswordName)).toEqual(['Phone', 'Phone']);
    // The user's activity page says how many logins a row stands for, and since when.
    const session = await signedInAs(app, user);
    const page = await app.inject({ method: 'GET', url: '/api/account/activity/logins', cookies: session.cookies });
    const shown = page.json<{ logins: { count: number; time: string; firstTime: string }[] }>().logins;
    expect(shown.map((login) => login.count).sort()).toEqual([1, 6]);
    const phoneRow = shown.find((login) => login.count === 6)!;
    expect(phoneRow).toMatchObject({
      firstTime: device!.firstAt!.toISOString(),
      time: device!.lastAt!.toISOString(),
    });
  }, 60_000);

  it('lists an hourly aggregate by its last login, above a refusal that came between', async () => {
    const user = await createUser(prisma, { imap: true });
    const hour = hourOf(new Date(Date.now() - 3 * 3_600_000));
    const recorder = app.get(LoginAttemptRecorder);
    const ip = randomIp();
    const success = { ...refusal(user.id, ip, new Date(hour.getTime() + 60_000)), result: 'ALLOW' as const };
    recorder.record({ ...success, reasonCode: 'OK' });
    recorder.record(refusal(user.id, randomIp(), new Date(hour.getTime() + 20 * 60_000)));
    recorder.record({ ...success, reasonCode: 'OK', createdAt: new Date(hour.getTime() + 50 * 60_000) });
    await recorder.flush();
    const recent = await app.get(LoginAttemptsService).recent(user.id, 2);
    expect(recent.map((attempt) => [attempt.result, attempt.time])).toEqual([
      ['ALLOW', new Date(hour.getTime() + 50 * 60_000).toISOString()],
      ['DENY', new Date(hour.getTime() + 20 * 60_000).toISOString()],
    ]);
    expect(await app.get(LoginAttemptsService).recent(user.id, 1)).toHaveLength(1);
  });

  it('keeps refusals as rows, and folds a flood from one address over many accounts past a threshold', async () => {
    const ip = randomIp();
    const users = await Promise.all(Array.from({ length: 3 }, () => createUser(prisma, {})));
    const recorder = app.get(LoginAttemptRecorder);
    const now = new Date();
    const extra = 25;
    for (let i = 0; i < FLOOD_ROWS_PER_IP_HOUR + extra; i += 1) {
      recorder.record(refusal(users[i % users.length]!.id, ip, new Date(now.getTime() + i)));
    }
    await recorder.flush();
    const rows = await prisma.loginAttempt.findMany({ where: { clientIp: ip } });
    const single = rows.filter((row) => row.aggregateKey === null);
    const folded = rows.filter((row) => row.aggregateKey !== null);
    expect(single).toHaveLength(FLOOD_ROWS_PER_IP_HOUR);
    expect(single.every((row) => row.result === 'DENY' && row.reasonCode === 'PASSWORD_WRONG')).toBe(true);
    expect(folded.map((row) => [row.userId, row.reasonCode, row.count])).toEqual([[null, 'PASSWORD_WRONG', extra]]);
    expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(FLOOD_ROWS_PER_IP_HOUR + extra);
  });
});
