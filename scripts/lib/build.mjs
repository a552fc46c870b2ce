import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, run, say } from './run.mjs';

const GENERATED_CLIENT = join(ROOT, 'apps/api/src/generated/prisma/client.ts');
const SCHEMA = join(ROOT, 'prisma/schema.prisma');

/** Generates the Prisma client when it is missing or older than the schema. */
export async function ensurePrismaClient() {
  if (existsSync(GENERATED_CLIENT) && statSync(GENERATED_CLIENT).mtimeMs >= statSync(SCHEMA).mtimeMs) return;
  say('generating the Prisma client…');
  await run(process.execPath, [join(ROOT, 'scripts/db/generate.mjs')]);
}

/** Compiles the packages and the API (incremental: fast when nothing changed). */
export async function buildApi() {
  await ensurePrismaClient();
  await run('tsc', ['-b', 'apps/api']);
}

/** Builds the SPA when its output is missing or older than any of its sources. */
export async function buildWeb({ force = false } = {}) {
  const index = join(ROOT, 'apps/web/dist/index.html');
  const sources = [
    'apps/web/src',
    'apps/web/index.html',
    'apps/web/vite.config.ts',
    'packages/contracts/src',
    'packages/password-policy/src',
  ];
  if (!force && existsSync(index)) {
    const built = statSync(index).mtimeMs;
    if (!sources.some((source) => newestModification(join(ROOT, source)) > built)) return;
  }
  say('building the web app…');
  await run('vite', ['build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'warn']);
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
