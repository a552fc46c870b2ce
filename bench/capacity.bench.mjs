// Inputs of the capacity model (docs/scaling.md): CPU time the API process spends per login
// decision (repeat login with a cached verification, app password, first login with argon2id),
// Redis memory per brute-force counter and lock mark (MEMORY USAGE), and how long a PostgreSQL
// NOTIFY takes to reach 50 listening connections (one per instance of a 50-instance pool).
//
// CPU is read from /proc/<pid>/stat of the API process (user + system), so the load generator,
// PostgreSQL and Redis, which share the machine, are not counted in it. BENCH_CAPACITY_REQUESTS
// (default 3,000) decisions per cached scenario, BENCH_CAPACITY_FIRST (default 150) first logins.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import Redis from 'ioredis';
import { isReachable, startApiServer } from './lib/api-server.mjs';
import { createBenchDatabase, startBenchPostgres } from './lib/bench-database.mjs';
import { benchAppSecret, benchEmail, benchSecrets, seedMailUsers } from './lib/mail-bench-seed.mjs';

export const title = 'Capacity inputs';

const PASSWORD = 'bench-main-password-1';
const WARM_USERS = 100;
const CONCURRENCY = 16;
const LISTENERS = 50;
const NOTIFIES = 200;

export async function run({ say }) {
  const requests = Number(process.env.BENCH_CAPACITY_REQUESTS ?? 3_000);
  const firstLogins = Number(process.env.BENCH_CAPACITY_FIRST ?? 150);
  const redisUrl =
    process.env.REDIS_URL ?? ((await isReachable('127.0.0.1', 6379)) ? 'redis://127.0.0.1:6379' : undefined);
  if (!redisUrl) throw new Error('the capacity bench needs Redis (REDIS_URL or 127.0.0.1:6379)');
  const { secretKey, keyring, hashPassword, token } = await benchSecrets();
  const passwordHash = await hashPassword(PASSWORD);
  const prefix = `bench:capacity:${randomBytes(4).toString('hex')}:`;
  const postgres = await startBenchPostgres();
  const database = await createBenchDatabase(postgres.serverUrl);
  const redis = new Redis(redisUrl);
  let server;
  try {
    await seedMailUsers(database.url, { count: WARM_USERS + firstLogins + 50, passwordHash, keyring, say });
    server = await startApiServer({
      DATABASE_URL: database.url,
      MAILGATE_SECRET_KEY: secretKey,
      MAILGATE_MAIL_TOKEN: token,
      REDIS_URL: redisUrl,
      REDIS_KEY_PREFIX: prefix,
    });
    const decide = decider(server.url, token);
    for (let i = 0; i < WARM_USERS; i += 1) {
      await decide(i, PASSWORD, 'allow');
      await decide(i, benchAppSecret(i), 'allow');
    }
    const cpu = {};
    say('CPU per decision…');
    cpu.cached = await cpuPerDecision(server.pid, requests, (n) => decide(n % WARM_USERS, PASSWORD, 'allow'));
    cpu.appPassword = await cpuPerDecision(server.pid, requests, (n) =>
      decide(n % WARM_USERS, benchAppSecret(n % WARM_USERS), 'allow'),
    );
    cpu.firstLogin = await cpuPerDecision(server.pid, firstLogins, (n) => decide(WARM_USERS + n, PASSWORD, 'allow'));

    say('Redis memory per counter and lock…');
    // Wrong passwords for 50 users, each from its own address, until the user+address lock.
    const base = WARM_USERS + firstLogins;
    for (let i = 0; i < 50; i += 1) for (let k = 0; k < 12; k += 1) await decide(base + i, 'wrong-password', null, i);
    const memory = await redisMemory(redis, prefix);

    say('LISTEN/NOTIFY fan-out…');
    const fanOut = await notifyFanOut(database.url);
    return report({ cpu, memory, fanOut, requests, firstLogins });
  } finally {
    await server?.stop();
    for await (const keys of redis.scanStream({ match: `${prefix}*`, count: 1000 })) {
      if (keys.length > 0) await redis.del(...keys);
    }
    await redis.quit();
    await database.drop();
    await postgres.stop();
  }
}

function decider(url, token) {
  return async (index, password, expected, ipIndex = index) => {
    const response = await fetch(`${url}/api/mail/v1/auth`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        username: benchEmail(index),
        password,
        protocol: 'imap',
        clientIp: `10.9.${(ipIndex >> 8) & 255}.${ipIndex & 255}`,
        secured: true,
      }),
    });
    const answer = await response.json();
    if (expected && answer.decision !== expected) throw new Error(`bench precondition: ${JSON.stringify(answer)}`);
  };
}

/** User + system CPU seconds of a process so far (Linux clock ticks at 100 Hz). */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function cpuPerDecision(pid, count, one) {
  const before = cpuSeconds(pid);
  const started = process.hrtime.bigint();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await one(next++);
    }),
  );
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  // Let the recorder's flush of these decisions land in the measurement too.
  await new Promise((resolve) => setTimeout(resolve, 6_000));
  return { ms: ((cpuSeconds(pid) - before) * 1000) / count, perSecond: count / wall };
}

/** MEMORY USAGE of every key under the prefix, grouped by key shape (ids and addresses masked). */
async function redisMemory(redis, prefix) {
  const groups = new Map();
  for await (const keys of redis.scanStream({ match: `${prefix}*`, count: 1000 })) {
    for (const key of keys) {
      const bytes = Number(await redis.memory('USAGE', key));
      const shape = key
        .slice(prefix.length)
        .replace(/bench-\d+@example\.test/g, '<login>')
        // Keyed hashes of logins (base64url, 22 characters).
        .replace(/(?<=:)[\w-]{22}(?=:|$)/g, '<hash>')
        .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '<id>')
        .replace(/\d+\.\d+\.\d+\.\d+/g, '<ip>')
        .replace(/:\d{6,}/g, ':<n>');
      const group = groups.get(shape) ?? { count: 0, bytes: 0 };
      group.count += 1;
      group.bytes += bytes ?? 0;
      groups.set(shape, group);
    }
  }
  return [...groups].map(([shape, { count, bytes }]) => ({ shape, count, mean: bytes / count }));
}

async function notifyFanOut(url) {
  const listeners = await Promise.all(
    Array.from({ length: LISTENERS }, async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query('LISTEN bench_fan_out');
      return client;
    }),
  );
  const sender = new pg.Client({ connectionString: url });
  await sender.connect();
  const times = [];
  try {
    for (let i = 0; i < NOTIFIES; i += 1) {
      const payload = `n${i}`;
      const received = Promise.all(
        listeners.map(
          (client) =>
            new Promise((resolve) => {
              const on = (message) => {
                if (message.payload !== payload) return;
                client.off('notification', on);
                resolve(process.hrtime.bigint());
              };
              client.on('notification', on);
            }),
        ),
      );
      const sent = process.hrtime.bigint();
      await sender.query(`SELECT pg_notify('bench_fan_out', $1)`, [payload]);
      const last = (await received).reduce((a, b) => (a > b ? a : b));
      times.push(Number(last - sent) / 1e6);
    }
  } finally {
    await sender.end();
    await Promise.all(listeners.map((client) => client.end()));
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(NOTIFIES * 0.5)], p95: times[Math.floor(NOTIFIES * 0.95)], max: times.at(-1) };
}

function report({ cpu, memory, fanOut, requests, firstLogins }) {
  const cpuModel = os.cpus()[0]?.model ?? 'unknown CPU';
  const row = (name, value, n) =>
    `| ${name} | ${value.ms.toFixed(2)} | ${Math.round(1000 / value.ms).toLocaleString('en')} | ${value.perSecond.toFixed(0)} | ${n.toLocaleString('en')} |`;
  return `Run on ${new Date().toISOString().slice(0, 10)}: ${cpuModel} (${os.cpus().length} cores, shared with other jobs),
Node ${process.version}. Reproduce with \`npm run bench -- capacity\`. CPU is the API process's own (user + system
from /proc), including its share of writing the attempt records; PostgreSQL's and Redis's CPU is not in it.
${CONCURRENCY} concurrent requests.

| Decision | API CPU ms per decision | decisions/s per busy core | observed/s (shared machine) | decisions |
| --- | ---: | ---: | ---: | ---: |
${row('Repeat login, main password (verification cached)', cpu.cached, requests)}
${row('App password (keyed hash, cached user state)', cpu.appPassword, requests)}
${row('First login, main password (argon2id m=19456, t=2, p=1)', cpu.firstLogin, firstLogins)}

**Redis memory per key** (\`MEMORY USAGE\`, keys left by 12 wrong passwords for each of 50 users from their
own addresses; key shapes with ids and addresses masked):

| Key | keys | bytes each (mean) |
| --- | ---: | ---: |
${memory.map((group) => `| \`${group.shape}\` | ${group.count} | ${group.mean.toFixed(0)} |`).join('\n')}

**LISTEN/NOTIFY fan-out**: ${LISTENERS} connections LISTENing on one channel, ${NOTIFIES} notifications one after
another; time from sending NOTIFY to the last of the ${LISTENERS} receipts: p50 ${fanOut.p50.toFixed(2)} ms,
p95 ${fanOut.p95.toFixed(2)} ms, max ${fanOut.max.toFixed(2)} ms.
`;
}
