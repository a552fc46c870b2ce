import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp } from '../../test/support/test-app.js';
import { createUser } from '../../test/support/builders.js';
import { decision, loginBody, mailAuthEnv, randomIp, TEST_REDIS_URL } from '../../test/support/mail-auth-client.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { SecretKeyring } from '../infrastructure/common/crypto/secret-keyring.js';
import { CredentialVerifier } from '../mail-auth/credential-verifier.js';
import { RedisService } from '../infrastructure/redis/redis.service.js';
import { AuthLocksService } from './auth-locks.service.js';

const LIMITS = { MAIL_AUTH_PAIR_FAILURES: '5', MAIL_AUTH_ACCOUNT_FAILURES_PER_HOUR: '20' };

/** Counts what really reaches argon2id: the real hasher runs, the spy only counts. */
const countHashing = (app: NestFastifyApplication) => vi.spyOn(app.get(CredentialVerifier), 'verifyHash');

async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < items.length; start += size)
    await Promise.all(items.slice(start, start + size).map(work));
}

describe('brute-force limits under parallel attempts', () => {
  const env = mailAuthEnv(LIMITS);
  let app: NestFastifyApplication;
  let offline: NestFastifyApplication;
  let prisma: PrismaService;
  beforeAll(async () => {
    [app, offline] = await Promise.all([
      createTestApp(env),
      createTestApp(mailAuthEnv({ ...LIMITS, REDIS_URL: 'redis://127.0.0.1:1' })),
    ]);
    prisma = app.get(PrismaService);
    for (let waited = 0; !app.get(RedisService).isAvailable() && waited < 5_000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await Promise.all([app?.close(), offline?.close()]);
  });

  it.each([
    ['with Redis', () => app],
    ['with the per-instance fallback', () => offline],
  ])('lets at most the threshold of 40 parallel wrong passwords reach argon2id (%s)', async (_label, target) => {
    const instance = target();
    const user = await createUser(prisma, { imap: true });
    const clientIp = randomIp();
    const hashing = countHashing(instance);
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => decision(instance, loginBody(user, { clientIp, password: `wrong-${i}` }))),
    );
    const reasons = answers.map((answer) => answer.reason);
    expect(hashing).toHaveBeenCalledTimes(5);
    expect(reasons.filter((reason) => reason === 'PASSWORD_WRONG')).toHaveLength(5);
    expect(reasons.filter((reason) => reason === 'LOCKED_USER_IP')).toHaveLength(35);
    // One lock for the one pair, however many failures arrived together.
    expect(await prisma.authLock.count({ where: { userId: user.id, scope: 'USER_IP' } })).toBe(1);
    hashing.mockRestore();
  });

  it('sets one account lock with one audit event (with details) and one notice for a burst from many IPs', async () => {
    const user = await createUser(prisma, { imap: true });
    const hashing = countHashing(app);
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        decision(app, loginBody(user, { clientIp: randomIp(), password: `wrong-${i}` })),
      ),
    );
    expect(hashing.mock.calls.length).toBeLessThanOrEqual(20);
    hashing.mockRestore();
    const locks = await prisma.authLock.findMany({ where: { userId: user.id, scope: 'USER' } });
    expect(locks).toHaveLength(1);
    expect(locks[0]).toMatchObject({ failures: 20, family: 'MAIL' });
    const audits = await prisma.auditEvent.findMany({ where: { targetUserId: user.id, action: 'auth_lock.set' } });
    expect(audits).toHaveLength(1);
    expect(audits[0]!.after).toMatchObject({ scope: 'USER', family: 'MAIL', failures: 20 });
    expect(await prisma.securityNotice.count({ where: { userId: user.id, kind: 'LOGIN_LOCKED' } })).toBe(1);
  });

  it('records a second lock of the same subject once only, even from another instance', async () => {
    const user = await createUser(prisma, {});
    const lock = {
      scope: 'USER' as const,
      family: 'MAIL' as const,
      userId: user.id,
      clientIp: null,
      failures: 20,
      lockedFrom: new Date(),
      lockedUntil: new Date(Date.now() + 3_600_000),
    };
    await Promise.all([
      app.get(AuthLocksService).recordLock(lock, user.email),
      offline.get(AuthLocksService).recordLock({ ...lock, lockedFrom: new Date(Date.now() + 5) }, user.email),
    ]);
    expect(await prisma.authLock.count({ where: { userId: user.id } })).toBe(1);
    expect(await prisma.securityNotice.count({ where: { userId: user.id, kind: 'LOGIN_LOCKED' } })).toBe(1);
  });

  it('survives 1,000 guesses from 100 IPs: app password and familiar IPs keep working, new IPs hit the NIST cap', async () => {
    const keyring = app.get(SecretKeyring);
    const user = await createUser(prisma, { imap: true, appPasswords: [{ scopes: ['IMAP'] }], keyring });
    const home = randomIp();
    expect(await decision(app, loginBody(user, { clientIp: home }))).toMatchObject({ decision: 'allow' });
    // Locked for every new address; the address the user logged in from before stays open.
    const expectLockedButHomeExempt = async (instance: NestFastifyApplication) => {
      expect(await decision(instance, loginBody(user, { clientIp: randomIp() }))).toEqual({
        decision: 'deny',
        reason: 'LOCKED_ACCOUNT',
      });
      expect(await decision(instance, loginBody(user, { clientIp: home }))).toMatchObject({ decision: 'allow' });
    };
    // The success is remembered durably (off the response path).
    await expect.poll(() => prisma.familiarIp.count({ where: { userId: user.id } })).toBe(1);

    const hashing = countHashing(app);
    const guesses = Array.from({ length: 1_000 }, (_, i) => ({ ip: `198.18.${i % 100}.7`, password: `guess-${i}` }));
    await inBatches(guesses, 25, async (guess) => {
      const answer = await decision(app, loginBody(user, { clientIp: guess.ip, password: guess.password }));
      expect(answer.decision).toBe('deny');
    });
    // The per-account cap held: at most 20 main-password guesses were checked at all.
    expect(hashing.mock.calls.length).toBeLessThanOrEqual(20);
    hashing.mockRestore();

    const appPassword = user.appPasswords[0]!.secret;
    expect(await decision(app, loginBody(user, { clientIp: randomIp(), password: appPassword }))).toMatchObject({
      decision: 'allow',
      credential: 'app-password',
    });
    await expectLockedButHomeExempt(app);

    // Redis loses this deployment's keys; the locks come back from PostgreSQL (as after a reconnect)...
    const plain = new Redis(TEST_REDIS_URL);
    try {
      const keys = await plain.keys(`${env.REDIS_KEY_PREFIX}*`);
      expect(keys.length).toBeGreaterThan(0);
      await plain.del(...keys);
    } finally {
      plain.disconnect();
    }
    await app.get(AuthLocksService).rehydrate();
    // ...and so does the user's familiar address: still exempt.
    await expectLockedButHomeExempt(app);

    // An instance without Redis, started now, knows both from PostgreSQL alone.
    const fresh = await createTestApp(mailAuthEnv({ ...LIMITS, REDIS_URL: 'redis://127.0.0.1:1' }));
    try {
      await expectLockedButHomeExempt(fresh);
      expect(await decision(fresh, loginBody(user, { clientIp: randomIp(), password: appPassword }))).toMatchObject({
        decision: 'allow',
      });
    } finally {
      await fresh.close();
    }
  });
});
