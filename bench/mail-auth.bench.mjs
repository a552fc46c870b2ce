// Mail-server login decisions: repeat (cached) logins, app passwords and first logins against
// baselines measured in the same server and run, and decision latency with 1k vs 1M users.
import { randomBytes, randomInt } from 'node:crypto';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { isReachable, startApiServer } from './lib/api-server.mjs';
import { createBenchDatabase, startBenchPostgres, withClient } from './lib/bench-database.mjs';
import { CONNECTIONS, measureInterleaved } from './lib/load.mjs';
import { benchAppSecret, benchEmail, benchSecrets, seedMailUsers } from './lib/mail-bench-seed.mjs';

export const title = 'Mail-server login decisions';

/** The product's API plus the baseline routes (bare echo, raw argon2id), mounted from outside. */
const BASELINE_API_MAIN = fileURLToPath(new URL('./lib/baseline-api-main.mjs', import.meta.url));
const SMALL_USERS = 1_000;
const REPEAT_USERS = 100;
const PASSWORD = 'bench-main-password-1';

export async function run({ say }) {
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const largeUsers = Number(process.env.BENCH_LARGE_USERS ?? 1_000_000);
  const { secretKey, keyring, hashPassword, token } = await benchSecrets();
  const passwordHash = await hashPassword(PASSWORD);
  const redisUrl =
    process.env.REDIS_URL ?? ((await isReachable('127.0.0.1', 6379)) ? 'redis://127.0.0.1:6379' : undefined);
  // Every server of this run writes under one key prefix of its own, deleted at the end, so the
  // shared Redis keeps nothing of the benchmark.
  const redisKeyPrefix = `bench:mail-auth:${randomBytes(4).toString('hex')}:`;
  const serverEnv = (databaseUrl, extra = {}) => ({
    DATABASE_URL: databaseUrl,
    MAILGATE_SECRET_KEY: secretKey,
    MAILGATE_MAIL_TOKEN: token,
    REDIS_KEY_PREFIX: `${redisKeyPrefix}${randomBytes(2).toString('hex')}:`,
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    ...extra,
  });
  const auth = { authorization: `Bearer ${token}` };
  const login = (index, password) => ({
    username: benchEmail(index),
    password,
    protocol: 'imap',
    clientIp: `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`,
    secured: true,
  });
  /** A different user per request (autocannon's setupRequest), from `pick(counter)`. */
  /** What the server answered, per scenario: every measured decision must be the expected one. */
  const answers = {};
  const tally = (scenario) => (status, body) => {
    let key = String(status);
    try {
      const answer = JSON.parse(body);
      key = answer.decision === 'deny' ? `deny ${answer.reason}` : answer.decision;
    } catch {
      // not JSON: keep the status
    }
    answers[scenario] ??= {};
    answers[scenario][key] = (answers[scenario][key] ?? 0) + 1;
  };
  /** A different user per request (autocannon's setupRequest): `pick(n)` and `password(n)` for the n-th. */
  const rotating = (scenario, pick, password) => {
    let counter = 0;
    return [
      {
        setupRequest: (request) => {
          counter += 1;
          return { ...request, body: JSON.stringify(login(pick(counter), password(counter))) };
        },
        onResponse: tally(scenario),
      },
    ];
  };
  const expectAllow = async (url, body) => {
    const answer = await (
      await fetch(`${url}/api/mail/v1/auth`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    ).json();
    if (answer.decision !== 'allow') throw new Error(`bench precondition failed: ${JSON.stringify(answer)}`);
  };

  const postgres = await startBenchPostgres();
  const databases = [];
  const servers = [];
  const start = async (databaseUrl, extra) => {
    const server = await startApiServer(serverEnv(databaseUrl, extra), { entry: BASELINE_API_MAIN });
    servers.push(server);
    return server;
  };
  try {
    const small = await createBenchDatabase(postgres.serverUrl);
    databases.push(small);
    await seedMailUsers(small.url, { count: SMALL_USERS, passwordHash, keyring, say });
    const large = await createBenchDatabase(postgres.serverUrl);
    databases.push(large);
    await seedMailUsers(large.url, { count: largeUsers, passwordHash, keyring, say });

    // 1. One server: the bare route, repeat logins (main password), app passwords.
    const server = await start(small.url);
    for (let i = 0; i < REPEAT_USERS; i += 1) {
      await expectAllow(server.url, login(i, PASSWORD));
      await expectAllow(server.url, login(i, benchAppSecret(i)));
    }
    const decide = (url) => `${url}/api/mail/v1/auth`;
    say('bare route vs repeat logins vs app-password logins (interleaved)…');
    const throughput = await measureInterleaved(
      {
        bare: { url: `${server.url}/api/mail/v1/bench/echo`, body: login(0, PASSWORD), headers: auth },
        repeat: {
          url: decide(server.url),
          headers: auth,
          requests: () =>
            rotating(
              'repeat',
              (n) => n % REPEAT_USERS,
              () => PASSWORD,
            ),
        },
        appPassword: {
          url: decide(server.url),
          headers: auth,
          requests: () =>
            rotating(
              'appPassword',
              (n) => n % REPEAT_USERS,
              (n) => benchAppSecret(n % REPEAT_USERS),
            ),
        },
      },
      { seconds },
    );
    await server.stop();

    // 2. Decision latency with 1k vs many users, nothing cached (each decision loads its user):
    //    two servers side by side, measured in turns.
    const uncached = { MAIL_AUTH_STATE_CACHE_SIZE: '1' };
    const appPasswordLogins = (scenario, users) => () => [
      {
        setupRequest: (request) => {
          const index = randomInt(users);
          return { ...request, body: JSON.stringify(login(index, benchAppSecret(index))) };
        },
        onResponse: tally(scenario),
      },
    ];
    const [smallServer, largeServer] = [await start(small.url, uncached), await start(large.url, uncached)];
    say(`uncached decisions, ${SMALL_USERS} vs ${largeUsers} users (interleaved)…`);
    const latency = await measureInterleaved(
      {
        small: { url: decide(smallServer.url), headers: auth, requests: appPasswordLogins('latency1k', SMALL_USERS) },
        large: { url: decide(largeServer.url), headers: auth, requests: appPasswordLogins('latencyLarge', largeUsers) },
      },
      { seconds },
    );
    await smallServer.stop();

    // 3. First logins (nothing cached, a new user every request) vs raw argon2id verifies.
    say('first logins vs raw argon2id verifies (interleaved)…');
    let next = randomInt(largeUsers);
    const firstLogins = await measureInterleaved(
      {
        argon2: { url: `${largeServer.url}/api/mail/v1/bench/argon2`, body: { password: PASSWORD } },
        firstLogin: {
          url: decide(largeServer.url),
          headers: auth,
          // Shared counter: no user is ever asked twice, so no verified password can be cached.
          requests: () =>
            rotating(
              'firstLogin',
              () => (next = (next + 7919) % largeUsers),
              () => PASSWORD,
            ),
        },
      },
      // Longer slices: at 50 connections one argon2id request waits for ~50 others, so a slice
      // must last many times that latency to count completions fairly.
      { seconds: Math.max(2 * seconds, 20), rounds: 2, warmupSeconds: 2, drainMs: 4_000 },
    );
    await largeServer.stop();

    const pgVersion = await withClient(
      small.url,
      async (client) => (await client.query('SHOW server_version')).rows[0].server_version,
    );
    const results = {
      ...throughput,
      latency1k: latency.small,
      latencyLarge: latency.large,
      argon2: firstLogins.argon2,
      firstLogin: firstLogins.firstLogin,
    };
    for (const [scenario, counts] of Object.entries(answers)) say(`${scenario}: ${JSON.stringify(counts)}`);
    const unexpected = Object.entries(answers).filter(([, counts]) =>
      Object.keys(counts).some((key) => key !== 'allow'),
    );
    if (unexpected.length > 0)
      throw new Error(`bench answers were not all "allow": ${JSON.stringify(Object.fromEntries(unexpected))}`);
    return report(results, { seconds, largeUsers, redis: Boolean(redisUrl), pgVersion });
  } finally {
    for (const server of servers) await server.stop().catch(() => undefined);
    for (const database of databases) await database.drop().catch(() => undefined);
    await postgres.stop();
    if (redisUrl) await deleteRedisKeys(redisUrl, redisKeyPrefix).catch((error) => say(`redis cleanup: ${error}`));
  }
}

/** Deletes every key under `prefix` (SCAN, not KEYS: other users of the Redis keep working). */
async function deleteRedisKeys(url, prefix) {
  const { Redis } = await import('ioredis');
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

function report(results, { seconds, largeUsers, redis, pgVersion }) {
  const rate = (result) => Math.round(result.requestsPerSecond).toLocaleString('en');
  const row = (name, result) =>
    `| ${name} | ${rate(result)} | ${result.p50} | ${result.p99} | ${result.non2xx + result.errors} |`;
  const ratio = (a, b) => a.requestsPerSecond / b.requestsPerSecond;
  const verdict = (value, target, atLeast = true) =>
    (atLeast ? value >= target : value <= target) ? '✓ met' : '✗ missed';
  const repeat = ratio(results.repeat, results.bare);
  const appPassword = ratio(results.appPassword, results.bare);
  const firstLogin = ratio(results.firstLogin, results.argon2);
  const latencyChange = results.latencyLarge.mean / results.latency1k.mean - 1;
  const large = largeUsers.toLocaleString('en');
  return [
    `Run on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} CPU cores (${os.cpus()[0]?.model.trim()}), Node ${process.version}, ` +
      `PostgreSQL ${pgVersion}, counters ${redis ? 'in Redis' : 'in process (no Redis reachable)'}. autocannon with ${CONNECTIONS} connections ` +
      `on loopback, ${seconds} s per measurement after a warm-up, in three slices interleaved with the measurement it is compared with; load generator and server share the machine. ` +
      'Every decision goes through the service-token guard, is recorded as a login attempt and checks the lock marks. ' +
      'Reproduce with `npm run bench -- mail-auth` (`BENCH_SECONDS`, `BENCH_LARGE_USERS` to change the run).',
    '',
    '| Measurement | req/s | p50 ms | p99 ms | non-2xx/errors |',
    '| --- | ---: | ---: | ---: | ---: |',
    row('Bare POST route, same JSON body, same NestJS server (baseline)', results.bare),
    row(`Repeat logins, main password (verified-credential cache, ${REPEAT_USERS} users)`, results.repeat),
    row(`App-password logins (keyed hash, cached user state, ${REPEAT_USERS} users)`, results.appPassword),
    row('Raw argon2id verify (m=19456, t=2, p=1) behind a route (baseline)', results.argon2),
    row(`First logins, main password (nothing cached, a new user each request, ${large} users)`, results.firstLogin),
    row(
      `Uncached app-password decisions, ${SMALL_USERS.toLocaleString('en')} users in the database`,
      results.latency1k,
    ),
    row(`Uncached app-password decisions, ${large} users in the database`, results.latencyLarge),
    '',
    '| Ratio (same run) | Measured | Target | |',
    '| --- | ---: | ---: | --- |',
    `| Repeat-login decisions / bare route | ${repeat.toFixed(2)} | ≥ 0.5 | ${verdict(repeat, 0.5)} |`,
    `| First-login decisions / raw argon2id verifies | ${firstLogin.toFixed(2)} | ≥ 0.85 | ${verdict(firstLogin, 0.85)} |`,
    `| App-password decisions / bare route | ${appPassword.toFixed(2)} | ≥ 0.4 | ${verdict(appPassword, 0.4)} |`,
    `| Mean decision latency, ${large} vs ${SMALL_USERS.toLocaleString('en')} users | ${latencyChange >= 0 ? '+' : ''}${(latencyChange * 100).toFixed(1)} % ` +
      `(${results.latencyLarge.mean.toFixed(2)} vs ${results.latency1k.mean.toFixed(2)} ms) | within 15 % | ${verdict(Math.abs(latencyChange), 0.15, false)} |`,
    '',
    'The uncached rows run the server with `MAIL_AUTH_STATE_CACHE_SIZE=1`, so every decision loads its user from ' +
      'PostgreSQL (one indexed query): they show how the database size affects a decision, which the in-memory ' +
      'state otherwise hides. The Dovecot-through-Mailgate vs passwd-file comparison is its own section.',
  ].join('\n');
}
