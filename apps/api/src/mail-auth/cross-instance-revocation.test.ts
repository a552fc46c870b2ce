import { performance } from 'node:perf_hooks';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/support/test-app.js';
import { createUser, type BuiltUser } from '../../test/support/builders.js';
import { loginBody, mailAuthEnv, postDecision, randomIp } from '../../test/support/mail-auth-client.js';
import { clientIpKey } from '../auth-locks/client-ip.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { SecretKeyring } from '../infrastructure/common/crypto/secret-keyring.js';
import { RedisService } from '../infrastructure/redis/redis.service.js';
import { AppPasswordsService } from '../app-passwords/app-passwords.service.js';
import { ProtocolAccessService } from '../protocol-access/protocol-access.service.js';

/**
 * Changes made on instance A must hold on instance B from the moment A acknowledged them, even
 * while B is busy: a decision that *starts* after the acknowledgment of "IMAP off" (or of a
 * revocation) must never allow. B answers a steady load from concurrent loops while A changes
 * the account through the real services; each decision remembers whether it started inside such
 * a window. Old code let B answer from its cached state until the NOTIFY reached it.
 */

const LOOPS = 12;
/** Each scenario runs this long, and on past it only until MIN_CHANGES were made: counts are reported. */
const SCENARIO_MS = 12_000;
/** Fewer changes prove too little; a machine too loaded to make them in SCENARIO_MS gets more time. */
const MIN_CHANGES = 10;
/** The hard bound on a scenario, however loaded the machine is. */
const SCENARIO_MAX_MS = 3 * SCENARIO_MS;

/** Whether a scenario that has made `done` changes since `started` goes on. */
function goesOn(done: number, wanted: number, started: number): boolean {
  const elapsed = performance.now() - started;
  return done < wanted && elapsed < SCENARIO_MAX_MS && (elapsed < SCENARIO_MS || done < MIN_CHANGES);
}

interface Sample {
  /** Started after a denying change was acknowledged and before anything could undo it. */
  readonly mustDeny: boolean;
  readonly start: number;
  readonly end: number;
  readonly status: number;
  readonly allowed: boolean;
}

/** Decisions on `app` from LOOPS loops until stopped; `next()` names the request and its window. */
function driveLoad(app: NestFastifyApplication, next: (loop: number) => { body: unknown; mustDeny: () => boolean }) {
  const samples: Sample[] = [];
  let stopped = false;
  let started = 0;
  let windowPending = 0;
  const loop = async (_: unknown, index: number) => {
    while (!stopped) {
      const { body, mustDeny } = next(index);
      const denyWindow = mustDeny();
      started += 1;
      if (denyWindow) windowPending += 1;
      const start = performance.now();
      const response = await postDecision(app, body);
      const allowed = response.statusCode === 200 && (response.json() as { decision: string }).decision === 'allow';
      samples.push({ mustDeny: denyWindow, start, end: performance.now(), status: response.statusCode, allowed });
      if (denyWindow) windowPending -= 1;
    }
  };
  const loops = Array.from({ length: LOOPS }, loop);
  return {
    samples,
    started: () => started,
    /** Decisions started inside a deny window that have not answered yet. */
    windowPending: () => windowPending,
    stop: async () => {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

/** Yields to the event loop until `condition` holds (the load loops run meanwhile). */
async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * The promise under test: no decision started inside a must-deny window was allowed. Not vacuous:
 * at least MIN_CHANGES changes were made and every window saw a round of decisions.
 */
function expectNoAllowInWindows(samples: readonly Sample[], changes: number) {
  const inWindow = samples.filter((s) => s.mustDeny);
  expect(inWindow.filter((s) => s.allowed)).toEqual([]);
  expect(changes).toBeGreaterThanOrEqual(MIN_CHANGES);
  expect(inWindow.length).toBeGreaterThanOrEqual(changes * LOOPS);
}

function summary(label: string, samples: readonly Sample[], changes: number, acks: readonly number[]) {
  const first = samples[0]?.start ?? 0;
  const last = samples.at(-1)?.end ?? first;
  const perSecond = Math.round(samples.length / ((last - first) / 1_000));
  const byStatus = Object.entries(
    samples.reduce<Record<number, number>>((counts, s) => ({ ...counts, [s.status]: (counts[s.status] ?? 0) + 1 }), {}),
  );
  // In flight: started before an acknowledgment, allowed, answered after it (reported, not asserted).
  let lateAllows = 0;
  let latestMs = 0;
  for (const ack of acks) {
    for (const s of samples) {
      if (s.allowed && !s.mustDeny && s.start < ack && s.end > ack) {
        lateAllows += 1;
        latestMs = Math.max(latestMs, s.end - ack);
      }
    }
  }
  console.info(
    `${label}: ${samples.length} decisions on B at ${perSecond}/s (${LOOPS} loops, statuses ${JSON.stringify(
      Object.fromEntries(byStatus),
    )}), ${changes} changes on A; in flight at an acknowledgment and allowed after it: ${lateAllows} (latest ${latestMs.toFixed(1)} ms)`,
  );
}

const scenarios = [
  { storage: 'shared Redis', redis: true, toggles: 1_000, revocations: 200 },
  // No REDIS_URL on either instance: both read the user's version from PostgreSQL.
  { storage: 'no Redis', redis: false, toggles: 300, revocations: 100 },
];

describe.each(scenarios)('no stale allow across instances ($storage)', ({ redis, toggles, revocations }) => {
  let a: NestFastifyApplication;
  let b: NestFastifyApplication;
  let prisma: PrismaService;
  beforeAll(async () => {
    // A decision from stale state may count a failure (a new app password looks like a wrong main
    // password); the limits must not turn that into a lock that hides every later answer.
    const { REDIS_URL, ...withoutRedis } = mailAuthEnv({
      MAIL_AUTH_PAIR_FAILURES: '1000000',
      MAIL_AUTH_ACCOUNT_FAILURES_PER_HOUR: '1000000',
    });
    const env: Record<string, string> = redis ? { ...withoutRedis, REDIS_URL: REDIS_URL! } : withoutRedis;
    [a, b] = await Promise.all([createTestApp(env), createTestApp(env)]);
    prisma = a.get(PrismaService);
    if (redis) await until(() => a.get(RedisService).isAvailable() && b.get(RedisService).isAvailable());
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });
  const asUser = (userId: string) => ({ actor: { userId, role: 'USER' as const }, userId, meta: null });
  /** An address the user logged in from: a refusal there counts no failure, so no lock muddies the run. */
  const familiarIp = async (userId: string) => {
    const ip = randomIp();
    await prisma.familiarIp.create({ data: { userId, ipKey: clientIpKey(ip)!, lastSuccessAt: new Date() } });
    return ip;
  };

  it(
    `never allows on B after A acknowledged "IMAP off" (up to ${toggles} toggles)`,
    async () => {
      const user: BuiltUser = await createUser(prisma, {
        imap: true,
        appPasswords: [{ scopes: ['IMAP'] }],
        keyring: a.get(SecretKeyring),
      });
      const home = await familiarIp(user.id);
      // Two loops log in with the main password (verified-credential cache; each change costs them
      // one argon2id run), the others with the app password (no argon2id: the higher rate).
      const byMainPassword = loginBody(user, { clientIp: home });
      const byAppPassword = loginBody(user, { clientIp: home, password: user.appPasswords[0]!.secret });
      let offAcknowledged = false;
      const load = driveLoad(b, (loop) => ({
        body: loop < 2 ? byMainPassword : byAppPassword,
        mustDeny: () => offAcknowledged,
      }));
      const access = a.get(ProtocolAccessService);
      const acks: number[] = [];
      const started = performance.now();
      let done = 0;
      try {
        while (goesOn(done, toggles, started)) {
          // Only start from a warm cache on B: an allow answered for a decision started after "on".
          const onAt = performance.now();
          await until(() => load.samples.some((s) => s.start > onAt && s.allowed));
          await access.setAccess({ ...asUser(user.id), protocol: 'IMAP', enabled: false });
          offAcknowledged = true;
          acks.push(performance.now());
          // Let a full round of decisions start inside the "off" window before turning it back on.
          const seen = load.started();
          await until(() => load.started() >= seen + LOOPS);
          // Close the window, and let the decisions started in it answer before "on" may commit.
          offAcknowledged = false;
          await until(() => load.windowPending() === 0);
          await access.setAccess({ ...asUser(user.id), protocol: 'IMAP', enabled: true });
          done += 1;
        }
      } finally {
        await load.stop();
      }
      summary(`IMAP toggles (${redis ? 'Redis' : 'no Redis'})`, load.samples, done * 2, acks);
      expectNoAllowInWindows(load.samples, done);
      // And outside the windows the decisions went on being allowed.
      expect(load.samples.filter((s) => s.allowed).length).toBeGreaterThan(done);
    },
    SCENARIO_MAX_MS + 20_000,
  );

  it(
    `never allows a revoked app password on B after A acknowledged the revocation (up to ${revocations})`,
    async () => {
      const user = await createUser(prisma, { imap: true });
      const home = await familiarIp(user.id);
      const passwords = a.get(AppPasswordsService);
      let current = { secret: user.password, revoked: false };
      const load = driveLoad(b, () => {
        const password = current;
        return {
          body: loginBody(user, { clientIp: home, password: password.secret }),
          mustDeny: () => password.revoked,
        };
      });
      const acks: number[] = [];
      const started = performance.now();
      let done = 0;
      try {
        while (goesOn(done, revocations, started)) {
          const { appPassword, secret } = await passwords.create({
            ...asUser(user.id),
            name: `phone ${done}`,
            scopes: ['IMAP'],
            expiresIn: 'never',
          });
          const password = { secret, revoked: false };
          current = password;
          const createdAt = performance.now();
          await until(() => load.samples.some((s) => s.start > createdAt && s.allowed));
          await passwords.revoke({ ...asUser(user.id), appPasswordId: appPassword.id });
          password.revoked = true;
          acks.push(performance.now());
          const seen = load.started();
          await until(() => load.started() >= seen + LOOPS);
          done += 1;
        }
      } finally {
        await load.stop();
      }
      summary(`app-password revocations (${redis ? 'Redis' : 'no Redis'})`, load.samples, done, acks);
      expectNoAllowInWindows(load.samples, done);
    },
    SCENARIO_MAX_MS + 20_000,
  );
});
