// npm run dev: the API rebuilt and restarted on change, and Vite's dev server (hot reload) on
// http://localhost:5173 proxying /api to the API on :3000. Ctrl-C stops everything.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildApi } from '../lib/build.mjs';
import { prepareDatabaseEnvironment } from '../lib/database-env.mjs';
import { ROOT, say } from '../lib/run.mjs';

await buildApi();
const { env, stop: stopDatabase } = await prepareDatabaseEnvironment({ ...process.env, NODE_ENV: 'development' });

const children = [
  spawn('tsc', ['-b', '-w', '--preserveWatchOutput', 'apps/api'], { stdio: 'inherit', cwd: ROOT, env }),
  spawn(process.execPath, ['--enable-source-maps', '--watch-path=apps/api/dist', join(ROOT, 'apps/api/dist/main.js')], {
    stdio: 'inherit',
    cwd: ROOT,
    env,
  }),
  spawn('vite', ['--config', 'apps/web/vite.config.ts'], { stdio: 'inherit', cwd: ROOT, env }),
];
say('development servers starting: SPA on http://localhost:5173, API on http://localhost:3000');

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(
    children.map(
      (child) => new Promise((resolve) => (child.exitCode !== null ? resolve() : child.on('exit', resolve))),
    ),
  );
  await stopDatabase();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', () => void stop());
