// npm run mailgate -- token create <name> | token list | token revoke <name>
// Builds the API if needed, then runs its compiled CLI with the same environment as the server
// (DATABASE_URL and MAILGATE_SECRET_KEY must match the API's, or tokens would not verify).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildApi } from '../lib/build.mjs';
import { ROOT, say } from '../lib/run.mjs';

if (!process.env.DATABASE_URL || !process.env.MAILGATE_SECRET_KEY) {
  say('set DATABASE_URL and MAILGATE_SECRET_KEY to the values the API runs with.');
  say('(In the embedded demo mode, seed a token with MAILGATE_MAIL_TOKEN instead.)');
  process.exit(1);
}
await buildApi();
const cli = spawn(process.execPath, [join(ROOT, 'apps/api/dist/cli/mailgate-cli.js'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: ROOT,
  env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'error' },
});
cli.on('exit', (code) => process.exit(code ?? 1));
