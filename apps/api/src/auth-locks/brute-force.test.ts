import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp } from '../../test/support/test-app.js';
import { createUser, randomEmail, signedInAs, signIn } from '../../test/support/builders.js';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../auth/csrf.js';
import { decision, loginBody, mailAuthEnv, randomIp } from '../../test/support/mail-auth-client.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { SecretKeyring } from '../infrastructure/common/crypto/secret-keyring.js';
import { Clock } from '../infrastructure/common/clock/clock.js';
import { AuthLocksService } from './auth-locks.service.js';
import { clientIpKey } from './client-ip.js';

const LIMITS = {
  MAIL_AUTH_PAIR_FAILURES: '3',
  MAIL_AUTH_PAIR_LOCK_SECONDS: '60',
  MAIL_AUTH_PAIR_LOCK_MAX_SECONDS: '200',
  MAIL_AUTH_IP_FAILURES: '8',
  MAIL_AUTH_ACCOUNT_FAILURES_PER_HOUR: '6',
};

describe('brute-force defence', () => {
  let app: NestFastifyApplication;
  let prisma: PrismaService;
  let keyring: SecretKeyring;
  let now: Date;
  beforeAll(async () => {
    app = await createTestApp(mailAuthEnv(LIMITS));
    prisma = app.get(PrismaService);
    keyring = app.get(SecretKeyring);
  });
  afterAll(async () => {
    await app.close();
  });
  afterEach(() => vi.restoreAllMocks());

  /** Moves this app's clock; locks are "deny until T" against it, so nothing has to wait. */
  const startClock = () => {
    now = new Date();
    vi.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date(now));
  };
  const advance = (ms: number) => (now = new Date(now.getTime() + ms));
  const fail = async (user: { email: string }, clientIp: string, times: number) => {
    for (let i = 0; i < times; i += 1) {
      const answer = await decision(app, loginBody({ email: user.email, password: `wrong-${i}` }, { clientIp }));
      expect(answer.decision).toBe('deny');
    }
  };

  it('locks a (user, IP) pair so that even the right password is refused, and only that pair', async () => {
    startClock();
    const user = await createUser(prisma, { imap: true, smtp: true });
    const ip = randomIp();
    await fail(user, ip, 3);
    expect(await decision(app, loginBody(user, { clientIp: ip }))).toEqual({
      decision: 'deny',
      reason: 'LOCKED_USER_IP',
    });
    // Per protocol family: SMTP shares the mail family's lock...
    expect(await decision(app, loginBody(user, { clientIp: ip, protocol: 'smtp' }))).toMatchObject({
      reason: 'LOCKED_USER_IP',
    });
    // ...but the web portal is another family: the same address signs in there at once.
    const web = await signIn(app, user, { remoteAddress: ip });
    expect(web.sessionId).toBeTruthy();
    expect(await decision(app, loginBody(user))).toMatchObject({ decision: 'allow' });
    advance(61_000);
    expect(await decision(app, loginBody(user, { clientIp: ip }))).toMatchObject({ decision: 'allow' });
  });

  it('does not let failed web sign-ins lock mail logins (the web has its own limits)', async () => {
    startClock();
    const user = await createUser(prisma, { imap: true });
    const ip = randomIp();
    let refused = 0;
    for (let i = 0; i < 12; i += 1) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE },
        payload: { email: user.email, password: `wrong-${i}` },
        remoteAddress: ip,
      });
      if (response.statusCode === 429) refused += 1;
    }
    // The web sign-in's own limit stopped the guessing...
    expect(refused).toBeGreaterThan(0);
    // ...while the same user's mail program at the same address is not affected.
    expect(await decision(app, loginBody(user, { clientIp: ip }))).toMatchObject({ decision: 'allow' });
    expect(await prisma.authLock.count({ where: { userId: user.id } })).toBe(0);
  });

  it('grows the pair lock with each failure after it ended, capped, and keeps every lock as history', async () => {
    startClock();
    const user = await createUser(prisma, { imap: true });
    const ip = randomIp();
    await fail(user, ip, 3);
    for (let round = 0; round < 3; round += 1) {
      advance(201_000);
      await fail(user, ip, 1);
    }
    // (The sixth failure from this unfamiliar IP also reached the account limit: a separate lock.)
    const locks = await prisma.authLock.findMany({
      where: { userId: user.id, scope: 'USER_IP' },
      orderBy: { lockedFrom: 'asc' },
    });
    expect(locks.map((lock) => (lock.lockedUntil.getTime() - lock.lockedFrom.getTime()) / 1000)).toEqual([
      60, 120, 200, 200,
    ]);
    expect(
      locks.every((lock) => lock.scope === 'USER_IP' && lock.family === 'MAIL' && lock.clientIp === clientIpKey(ip)),
    ).toBe(true);
    const active = await app.get(AuthLocksService).listActive(user.id, now);
    expect(active.map((lock) => lock.scope).sort()).toEqual(['USER', 'USER_IP']);
  });

  it('refuses attempts during a lock without counting them, and never locks for good', async () => {
    startClock();
    const user = await createUser(prisma, { imap: true });
    const ip = randomIp();
    await fail(user, ip, 3);
    await fail(user, ip, 10); // refused by the lock, not counted
    advance(61_000);
    expect(await decision(app, loginBody(user, { clientIp: ip }))).toMatchObject({ decision: 'allow' });
    expect(await prisma.authLock.count({ where: { userId: user.id } })).toBe(1);
  });

  it('locks unknown logins exactly like known ones (locking reveals nothing)', async () => {
    startClock();
    const ip = randomIp();
    const ghost = { email: randomEmail('ghost'), password: 'whatever' };
    await fail(ghost, ip, 3);
    expect(await decision(app, loginBody(ghost, { clientIp: ip }))).toEqual({
      decision: 'deny',
      reason: 'LOCKED_USER_IP',
    });
  });

  it('locks an IP failing across users (IPv6 per /64) for the failing and unknown logins, not for the others behind it', async () => {
    startClock();
    const regular = await createUser(prisma, { imap: true });
    const attacked = await createUser(prisma, { imap: true });
    const bystander = await createUser(prisma, { imap: true });
    const clumsy = await createUser(prisma, { imap: true });
    const prefix = `2001:db8:${Math.floor(Math.random() * 65535).toString(16)}:77`;
    expect(await decision(app, loginBody(regular, { clientIp: `${prefix}::1` }))).toMatchObject({ decision: 'allow' });
    for (let i = 0; i < 7; i += 1) await fail({ email: randomEmail('spray') }, `${prefix}::${(i + 2).toString(16)}`, 1);
    await fail(attacked, `${prefix}::20`, 1);
    // The login that failed from the locked network is refused there, even with the right password...
    expect(await decision(app, loginBody(attacked, { clientIp: `${prefix}::ffff` }))).toEqual({
      decision: 'deny',
      reason: 'LOCKED_IP',
    });
    // ...and so is an unknown login after its first try (which costs the same argon2id as anyone's).
    const ghost = { email: randomEmail('ghost'), password: 'guess' };
    expect(await decision(app, loginBody(ghost, { clientIp: `${prefix}::fffe` }))).toEqual({
      decision: 'deny',
      reason: 'USER_UNKNOWN',
    });
    expect(await decision(app, loginBody(ghost, { clientIp: `${prefix}::fffe` }))).toEqual({
      decision: 'deny',
      reason: 'LOCKED_IP',
    });
    // Someone else behind the same carrier NAT who never failed there logs in with the right password.
    expect(await decision(app, loginBody(bystander, { clientIp: `${prefix}::fffd` }))).toMatchObject({
      decision: 'allow',
    });
    // A user who fails from there once is then treated like the failing ones.
    await fail(clumsy, `${prefix}::fffc`, 1);
    expect(await decision(app, loginBody(clumsy, { clientIp: `${prefix}::fffc` }))).toEqual({
      decision: 'deny',
      reason: 'LOCKED_IP',
    });
    expect(await decision(app, loginBody(attacked, { clientIp: '2001:db8:ffff:ffff::1' }))).toMatchObject({
      decision: 'allow',
    });
    // The user who logged in from there before the attack stays exempt, whatever happened since.
    await fail(regular, `${prefix}::1`, 1);
    expect(await decision(app, loginBody(regular, { clientIp: `${prefix}::1` }))).toMatchObject({ decision: 'allow' });
    expect(await prisma.authLock.count({ where: { scope: 'IP', clientIp: `${prefix}::/64` } })).toBe(1);
  });

  it('caps failed main passwords per account from unfamiliar IPs, but keeps working devices working', async () => {
    startClock();
    const user = await createUser(prisma, { imap: true, appPasswords: [{ scopes: ['IMAP'] }], keyring });
    const phone = randomIp();
    expect(
      await decision(app, loginBody(user, { clientIp: phone, password: user.appPasswords[0]!.secret })),
    ).toMatchObject({
      decision: 'allow',
    });
    for (let i = 0; i < 6; i += 1) await fail(user, randomIp(), 1);
    expect(await decision(app, loginBody(user, { clientIp: randomIp() }))).toEqual({
      decision: 'deny',
      reason: 'LOCKED_ACCOUNT',
    });
    expect(
      await decision(app, loginBody(user, { clientIp: phone, password: user.appPasswords[0]!.secret })),
    ).toMatchObject({
      decision: 'allow',
    });
    const notice = await prisma.securityNotice.findFirst({ where: { userId: user.id, kind: 'LOGIN_LOCKED' } });
    expect(notice).not.toBeNull();
    advance(3_600_001);
    expect(await decision(app, loginBody(user, { clientIp: randomIp() }))).toMatchObject({ decision: 'allow' });
  });

  it('lets support lift a lock: audited, announced, and the right password works at once', async () => {
    startClock();
    const user = await createUser(prisma, { imap: true });
    const staff = await createUser(prisma, { role: 'SUPPORT', totp: true, keyring });
    const ip = randomIp();
    await fail(user, ip, 3);
    const [lock] = await app.get(AuthLocksService).listActive(user.id, now);
    expect(lock).toMatchObject({ scope: 'USER_IP', family: 'MAIL', failures: 3 });
    const versionBefore = (await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).securityVersion;
    await app.get(AuthLocksService).lift({
      actor: { userId: staff.id, role: 'SUPPORT' },
      lockId: lock!.id,
      reason: 'customer called from the office',
      meta: null,
    });
    expect(await decision(app, loginBody(user, { clientIp: ip }))).toMatchObject({ decision: 'allow' });
    expect(await app.get(AuthLocksService).listActive(user.id, now)).toEqual([]);
    const audit = await prisma.auditEvent.findFirst({ where: { targetUserId: user.id, action: 'auth_lock.lifted' } });
    expect(audit).toMatchObject({ actorId: staff.id, reason: 'customer called from the office' });
    expect(
      await prisma.securityNotice.count({ where: { userId: user.id, kind: 'LOGIN_LOCK_LIFTED', byStaff: true } }),
    ).toBe(1);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).securityVersion).toBe(versionBefore + 1);
    // The user sees it on their activity page, with the reason support gave.
    const session = await signedInAs(app, user);
    const activity = await app.inject({ method: 'GET', url: '/api/account/activity/events', cookies: session.cookies });
    expect(activity.json<{ events: unknown[] }>().events).toContainEqual(
      expect.objectContaining({
        action: 'auth_lock.lifted',
        actorKind: 'support',
        reason: 'customer called from the office',
      }),
    );
    await expect(
      app
        .get(AuthLocksService)
        .lift({ actor: { userId: staff.id, role: 'SUPPORT' }, lockId: lock!.id, reason: 'again', meta: null }),
    ).rejects.toMatchObject({ code: 'AUTH_LOCK_NOT_ACTIVE' });
  });

  it('keeps locking, per instance, when Redis is unreachable (never unlimited attempts)', async () => {
    const offline = await createTestApp(mailAuthEnv({ ...LIMITS, REDIS_URL: 'redis://127.0.0.1:1' }));
    try {
      const user = await createUser(prisma, { imap: true });
      const ip = randomIp();
      for (let i = 0; i < 3; i += 1) {
        expect(await decision(offline, loginBody(user, { clientIp: ip, password: `wrong-${i}` }))).toMatchObject({
          decision: 'deny',
        });
      }
      expect(await decision(offline, loginBody(user, { clientIp: ip }))).toEqual({
        decision: 'deny',
        reason: 'LOCKED_USER_IP',
      });
      expect((await offline.inject({ method: 'GET', url: '/api/ready' })).json().status).toBe('degraded');
    } finally {
      await offline.close();
    }
  });
});
