// npm start: build if needed, bring up PostgreSQL (embedded when DATABASE_URL is unset), and
// serve API + SPA on one port. Ctrl-C stops everything, the embedded PostgreSQL included.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildApi, buildWeb } from '../lib/build.mjs';
import { startEmbeddedPostgres } from '../lib/embedded-postgres.mjs';
import { ROOT, say } from '../lib/run.mjs';
import { loadOrCreateSecretKey } from '../lib/secret-key.mjs';

await buildApi();
await buildWeb();

const env = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' };
let embedded;
if (!env.DATABASE_URL) {
  say('DATABASE_URL is not set: starting an embedded PostgreSQL in .data/postgres (demo mode)…');
  embedded = await startEmbeddedPostgres({ dataDir: join(ROOT, '.data/postgres') });
  env.DATABASE_URL = embedded.databaseUrl;
  env.MAILGATE_SECRET_KEY ??= loadOrCreateSecretKey(join(ROOT, '.data/secret.key'));
  env.MAILGATE_DEMO ??= '1';
}

const api = spawn(process.execPath, ['--enable-source-maps', join(ROOT, 'apps/api/dist/main.js')], {
  stdio: 'inherit',
  cwd: ROOT,
  env,
});

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  say(`stopping (${signal})…`);
  api.kill('SIGTERM');
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

api.on('exit', async (code) => {
  if (embedded) {
    say('stopping the embedded PostgreSQL…');
    await embedded.stop().catch((error) => say(`could not stop PostgreSQL cleanly: ${error.message}`));
  }
  process.exit(stopping ? 0 : (code ?? 1));
});
