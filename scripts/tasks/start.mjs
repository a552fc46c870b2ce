// npm start: build if needed, bring up PostgreSQL (embedded when DATABASE_URL is unset), and
// serve API + SPA on one port. Ctrl-C stops everything, the embedded PostgreSQL included.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildApi, buildWeb } from '../lib/build.mjs';
import { prepareDatabaseEnvironment } from '../lib/database-env.mjs';
import { ROOT, say } from '../lib/run.mjs';

await buildApi();
await buildWeb();

const { env, stop: stopDatabase } = await prepareDatabaseEnvironment({
  ...process.env,
  NODE_ENV: process.env.NODE_ENV ?? 'production',
});
const api = spawn(process.execPath, ['--enable-source-maps', join(ROOT, 'apps/api/dist/main.js')], {
  stdio: 'inherit',
  cwd: ROOT,
  env,
});

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    say(`stopping (${signal})…`);
    api.kill('SIGTERM');
  });
}

api.on('exit', async (code) => {
  await stopDatabase();
  process.exit(stopping ? 0 : (code ?? 1));
});
