// A pool of three API processes behind Debian's HAProxy, sharing PostgreSQL and Redis, with a real
// Dovecot asking the load balancer (TRUST_PROXY = the balancer). Proves what a provider's pool
// needs: a change made through one instance binds every other one at its next decision; an
// instance SIGKILLed under a steady login load causes no wrong allow, and only retried or
// tempfailed logins; a rolling restart of every instance loses no login and no attempt record.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretKeyring } from '../../apps/api/src/infrastructure/common/crypto/secret-keyring.js';
import { loadConfig } from '../../apps/api/src/infrastructure/config/config.js';
import type { PrismaService } from '../../apps/api/src/infrastructure/database/prisma.service.js';
import { PrismaClient } from '../../apps/api/src/generated/prisma/client.js';
import { createTestDatabase, type TestDatabase } from '../../apps/api/test/db/test-database.js';
import { createUser, type BuiltUser } from '../../apps/api/test/support/builders.js';
import { buildApi } from '../../scripts/lib/build.mjs';
import { createSelfSignedCertificate } from '../../scripts/lib/self-signed-cert.mjs';
import { startDovecot, type DovecotServer } from '../mail/support/dovecot-server.js';
import { freePort, requireMailServerPackages, run } from '../mail/support/processes.js';
import { apiPool, type ApiInstance } from './support/api-pool.js';
import { startHaproxy, type HaproxyServer } from './support/haproxy.js';
import { imapLogin, type LoginOutcome } from './support/imap-login.js';

let dir: string;
let database: TestDatabase;
let prisma: PrismaService;
let keyring: SecretKeyring;
let instances: ApiInstance[];
let haproxy: HaproxyServer;
let dovecot: DovecotServer;
let imapPort: number;
let serviceToken: string;
let clientOctet = 20;

beforeAll(async () => {
  await requireMailServerPackages();
  if ((await run('haproxy', ['-v'])).code !== 0) throw new Error('HAProxy is missing: apt-get install haproxy');
  // The instances run the compiled API as separate processes (they are killed and restarted).
  await buildApi();
  dir = mkdtempSync(path.join(os.tmpdir(), 'mailgate-e2e-lb-'));
  chmodSync(dir, 0o755);
  database = await createTestDatabase();
  serviceToken = randomBytes(32).toString('base64url');
  const doveadmKey = randomBytes(24).toString('hex');
  const ports = { lb: await freePort(), imap: await freePort(), pop3: await freePort(), doveadm: await freePort() };
  const env = {
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    // One prefix for the pool (they share counters and locks), none other test's.
    REDIS_KEY_PREFIX: `e2e-lb-${randomBytes(4).toString('hex')}:`,
    MAILGATE_SECRET_KEY: randomBytes(32).toString('base64url'),
    MAILGATE_MAIL_TOKEN: serviceToken,
    DOVEADM_URL: `http://127.0.0.1:${ports.doveadm}/doveadm/v1`,
    DOVEADM_API_KEY: doveadmKey,
    TRUST_PROXY: '127.0.0.1',
    MIGRATE_ON_START: 'false',
    LOG_LEVEL: 'warn',
  };
  keyring = new SecretKeyring(loadConfig(env));
  prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) }) as unknown as PrismaService;
  instances = apiPool({ dir, ports: [await freePort(), await freePort(), await freePort()], env });
  await Promise.all(instances.map((instance) => instance.start()));
  haproxy = await startHaproxy({ dir, port: ports.lb, backends: instances });
  const queueDir = path.join(dir, 'postfix-queue');
  mkdirSync(path.join(queueDir, 'private'), { recursive: true });
  const { certFile, keyFile } = createSelfSignedCertificate(dir, 'mail.example.test');
  dovecot = await startDovecot({
    dir,
    mailgateUrl: haproxy.url,
    serviceToken,
    doveadmKey,
    ports: { imap: ports.imap, pop3: ports.pop3, doveadm: ports.doveadm },
    certFile,
    keyFile,
    postfixQueueDir: queueDir,
    authCache: false,
  });
  imapPort = ports.imap;
}, 300_000);

afterAll(async () => {
  await dovecot?.stop().catch(() => undefined);
  await haproxy?.stop().catch(() => undefined);
  for (const instance of instances ?? []) await instance.stop().catch(() => undefined);
  await (prisma as unknown as PrismaClient | undefined)?.$disconnect();
  await database?.drop();
  if (dir && !process.env.E2E_KEEP_DIR) rmSync(dir, { recursive: true, force: true });
}, 60_000);

const nextClientIp = () => `127.0.0.${(clientOctet = (clientOctet % 250) + 1)}`;
const phoneUser = () =>
  createUser(prisma, { imap: true, keyring, appPasswords: [{ name: 'Phone', scopes: ['IMAP'] }] });

/** Asks one instance directly, as Dovecot would through the balancer. */
async function decide(instance: ApiInstance, user: BuiltUser, clientIp: string) {
  const response = await fetch(`${instance.url}/api/mail/v1/auth`, {
    method: 'POST',
    headers: { authorization: `Bearer ${serviceToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      username: user.email,
      password: user.appPasswords[0]!.secret,
      protocol: 'imap',
      clientIp,
      secured: true,
    }),
  });
  return (await response.json()) as { decision: string; reason?: string };
}

interface Load {
  stop(): Promise<Record<LoginOutcome, number> & { wrongAllows: number; lines: string[] }>;
}

/**
 * A steady login load through Dovecot: `workers` loops of right app-password logins (each from its
 * own address), and one loop of wrong passwords that must never be let in.
 */
function startLoad(users: readonly BuiltUser[], workers = 4): Load {
  const counts: Record<LoginOutcome, number> = { ok: 0, denied: 0, tempfail: 0, error: 0 };
  let wrongAllows = 0;
  const lines: string[] = [];
  let running = true;
  const loops = users.slice(0, workers).map(async (user) => {
    const clientIp = nextClientIp();
    while (running) {
      const { outcome, line } = await imapLogin(imapPort, {
        user: user.email,
        password: user.appPasswords[0]!.secret,
        clientIp,
      });
      counts[outcome] += 1;
      if (outcome !== 'ok') lines.push(`${user.email}: ${outcome} ${line}`);
    }
  });
  const guesser = users[workers]!;
  const guesserIp = nextClientIp();
  loops.push(
    (async () => {
      while (running) {
        const { outcome } = await imapLogin(imapPort, {
          user: guesser.email,
          password: 'wrong-guess',
          clientIp: guesserIp,
        });
        if (outcome === 'ok') wrongAllows += 1;
        await sleep(300);
      }
    })(),
  );
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      return { ...counts, wrongAllows, lines };
    },
  };
}

/** Successful IMAP decisions recorded for these users (hourly aggregates add up their counts). */
async function recordedAllows(users: readonly BuiltUser[]): Promise<number> {
  const rows = await prisma.loginAttempt.findMany({
    where: { userId: { in: users.map((user) => user.id) }, result: 'ALLOW' },
    select: { count: true },
  });
  return rows.reduce((sum, row) => sum + row.count, 0);
}

describe('a pool of API instances behind HAProxy', () => {
  it('obeys a change made through one instance at the next decision of every other instance', async () => {
    const user = await phoneUser();
    const clientIp = nextClientIp();
    // Every instance has decided (and cached what it needs) for this user.
    for (const instance of instances)
      expect(await decide(instance, user, clientIp)).toMatchObject({ decision: 'allow' });
    expect(
      (await imapLogin(imapPort, { user: user.email, password: user.appPasswords[0]!.secret, clientIp })).outcome,
    ).toBe('ok');

    // The user turns IMAP off in the portal, served by the first instance.
    const signIn = await fetch(`${instances[0]!.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'mailgate' },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    expect(signIn.status).toBe(200);
    const cookies = signIn.headers
      .getSetCookie()
      .map((cookie) => cookie.split(';')[0])
      .join('; ');
    const off = await fetch(`${instances[0]!.url}/api/account/protocols/IMAP`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'mailgate', cookie: cookies },
      body: JSON.stringify({ enabled: false }),
    });
    expect(off.status).toBe(200);

    // The very next decision of each other instance, and Dovecot through the balancer, refuse.
    for (const instance of instances.slice(1)) {
      expect(await decide(instance, user, clientIp)).toMatchObject({ decision: 'deny' });
    }
    expect(
      (await imapLogin(imapPort, { user: user.email, password: user.appPasswords[0]!.secret, clientIp })).outcome,
    ).toBe('denied');
  });

  it('survives an instance SIGKILLed under load: no wrong allow, only retried or tempfailed logins', async () => {
    const users = await Promise.all(Array.from({ length: 5 }, phoneUser));
    const before = await haproxy.stats();
    const load = startLoad(users);
    await sleep(3_000);
    await instances[1]!.kill();
    await sleep(4_000);
    const result = await load.stop();
    const after = await haproxy.stats();
    const retried = after.retries - before.retries + (after.redispatches - before.redispatches);
    console.info(
      `SIGKILL under load: ${result.ok} logins allowed, ${result.tempfail} tempfailed, ${result.denied} refused, ` +
        `${result.error} errors; HAProxy retried/redispatched ${retried}, answered ${after.answered5xx - before.answered5xx} 5xx`,
    );
    expect(result.wrongAllows).toBe(0);
    // A right password is never refused: what the killed instance had in flight was retried
    // elsewhere by HAProxy, or came back to Dovecot as a temporary failure (the client retries).
    expect(result.denied, result.lines.join('\n')).toBe(0);
    expect(result.error, result.lines.join('\n')).toBe(0);
    expect(result.ok).toBeGreaterThan(20);
    await instances[1]!.start();
  });

  it('loses no login and no attempt record through a rolling restart of every instance', async () => {
    const users = await Promise.all(Array.from({ length: 5 }, phoneUser));
    const load = startLoad(users);
    await sleep(1_500);
    for (const instance of instances) {
      await instance.stop();
      await instance.start();
      // HAProxy sees it healthy again after two checks.
      await sleep(800);
    }
    const result = await load.stop();
    console.info(`rolling restart under load: ${result.ok} logins allowed, ${result.tempfail} tempfailed`);
    expect(result.wrongAllows).toBe(0);
    expect(result.denied + result.tempfail + result.error, result.lines.join('\n')).toBe(0);
    expect(result.ok).toBeGreaterThan(20);
    // Every answered login has its record: the stopped instances flushed before they exited, the
    // running ones flush within their aggregate window.
    await expect.poll(() => recordedAllows(users.slice(0, 4)), { timeout: 15_000 }).toBe(result.ok);
  });
});
