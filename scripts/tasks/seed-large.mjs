// npm run seed:large -- --users 1000000
// Appends many users (default 1,000,000) to DATABASE_URL, or to the embedded database that
// `npm start` uses when DATABASE_URL is unset, for the admin search benchmark and load tests.
// COPY, one precomputed argon2id hash for everyone, a progress line, minutes not hours.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import argon2 from 'argon2';
import pg from 'pg';
import { startEmbeddedPostgres } from '../lib/embedded-postgres.mjs';
import { ROOT, say } from '../lib/run.mjs';
import { applyMigrations } from '../lib/schema-engine.mjs';
import { copySeedUsers, countSeededUsers, seededUser } from '../lib/seed-users.mjs';

/** Every seeded account signs in with this (local test data only). */
export const SEED_PASSWORD = 'seeded-account-password-2026';

const { values } = parseArgs({
  options: { users: { type: 'string', default: '1000000' }, help: { type: 'boolean', default: false } },
});
if (values.help) {
  say('usage: npm run seed:large -- [--users N]   (adds N users to DATABASE_URL or the embedded database)');
  process.exit(0);
}
const count = Number(values.users.replaceAll('_', ''));
if (!Number.isInteger(count) || count < 1 || count > 20_000_000) {
  say(`--users must be a whole number between 1 and 20000000 (got "${values.users}")`);
  process.exit(2);
}

let embedded;
let databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  say('DATABASE_URL is not set: using the embedded PostgreSQL in .data/postgres (the one `npm start` uses)');
  embedded = await startEmbeddedPostgres({ dataDir: join(ROOT, '.data/postgres') });
  databaseUrl = embedded.databaseUrl;
}

const client = new pg.Client({ connectionString: databaseUrl });
try {
  const applied = await applyMigrations(databaseUrl);
  if (applied.length > 0) say(`applied migrations: ${applied.join(', ')}`);
  await client.connect();

  // argon2id at the API's parameters (apps/api/src/auth/password-hasher.ts), computed once.
  const passwordHash = await argon2.hash(SEED_PASSWORD.normalize('NFKC'), {
    type: argon2.argon2id,
    memoryCost: 19_456,
    timeCost: 2,
    parallelism: 1,
  });
  const start = await countSeededUsers(client);
  say(`adding ${count.toLocaleString('en')} users (seeded users so far: ${start.toLocaleString('en')})`);

  const started = Date.now();
  const progress = createProgress(count, started);
  await copySeedUsers(client, {
    start,
    count,
    passwordHash,
    onProgress: progress.update,
    onPhase: (phase) => {
      progress.done();
      say(`${phase}…`);
    },
  });
  const seconds = (Date.now() - started) / 1000;
  say(
    `done: ${count.toLocaleString('en')} users in ${seconds.toFixed(1)} s ` +
      `(${Math.round(count / seconds).toLocaleString('en')} users/s). Example: ${seededUser(start).email}, ` +
      `password "${SEED_PASSWORD}".`,
  );
} finally {
  await client.end().catch(() => undefined);
  await embedded?.stop();
}

/** One updating line on a terminal; a line per 10 % otherwise (CI logs). */
function createProgress(total, startedAt) {
  const tty = process.stderr.isTTY;
  let lastDecile = -1;
  let finished = false;
  const render = (written) => {
    const elapsed = (Date.now() - startedAt) / 1000;
    const rate = written / Math.max(elapsed, 0.001);
    const eta = Math.max(0, (total - written) / Math.max(rate, 1));
    const percent = ((written / total) * 100).toFixed(1).padStart(5);
    return (
      `[mailgate] ${percent} %  ${written.toLocaleString('en')} / ${total.toLocaleString('en')} users  ` +
      `${Math.round(rate).toLocaleString('en')}/s  ETA ${eta.toFixed(0)} s`
    );
  };
  return {
    update(written) {
      if (tty) {
        process.stderr.write(`\r${render(written)}`);
      } else {
        const decile = Math.floor((written / total) * 10);
        if (decile !== lastDecile) {
          lastDecile = decile;
          process.stderr.write(`${render(written)}\n`);
        }
      }
    },
    done() {
      if (tty && !finished) process.stderr.write('\n');
      finished = true;
    },
  };
}
