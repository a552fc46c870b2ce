#!/usr/bin/env node
// `npm run db:generate`: generates the Prisma client into apps/api/src/generated/prisma
// (git-ignored TypeScript ESM; output path and format are set in prisma/schema.prisma).
// `generate.mjs <schema>` generates from another schema file, run in that file's folder (the
// test of the pinned generator options uses it on a copy outside the repository).
//
// Prisma 7's CLI insists on a native schema-engine binary before *any* command, and downloads it
// from Prisma's file host when it is missing. `generate` never runs that binary (it uses bundled
// WASM), so on machines without the binary (offline, or npm not running install scripts) we point
// PRISMA_SCHEMA_ENGINE_BINARY at a harmless executable for this one child process. Machines that
// have the real engine, or set the variable themselves, run Prisma unchanged.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT_DIR = fileURLToPath(new URL('../../..', import.meta.url));
const SCHEMA_PATH = process.argv[2] ? path.resolve(process.argv[2]) : path.join(ROOT_DIR, 'prisma', 'schema.prisma');
const WORK_DIR = process.argv[2] ? path.dirname(SCHEMA_PATH) : ROOT_DIR;
const ENGINE_ENV_VARS = ['PRISMA_SCHEMA_ENGINE_BINARY', 'PRISMA_MIGRATION_ENGINE_BINARY'];

const prismaPackageJson = fileURLToPath(import.meta.resolve('prisma/package.json'));
const prismaDir = path.dirname(prismaPackageJson);
const prismaCli = path.join(prismaDir, 'build', 'index.js');

// The folders Prisma's CLI searches for `schema-engine-<platform>` (see `@prisma/engines` and
// prisma/build/cli.js), in its own order.
function nativeEngineSearchDirs() {
  const dirs = [prismaDir, path.dirname(prismaDir), path.join(prismaDir, 'runtime')];
  try {
    const enginesEntry = createRequire(prismaPackageJson).resolve('@prisma/engines');
    dirs.unshift(path.dirname(path.dirname(enginesEntry)));
  } catch {
    // @prisma/engines not installed: the other folders are still searched.
  }
  return dirs;
}

function hasNativeSchemaEngine() {
  return nativeEngineSearchDirs().some(
    (dir) =>
      fs.existsSync(dir) &&
      fs.readdirSync(dir).some((name) => name.startsWith('schema-engine-') && !/\.(gz|sha256)$/.test(name)),
  );
}

function childEnvironment() {
  const env = { ...process.env };
  if (ENGINE_ENV_VARS.some((name) => env[name]) || hasNativeSchemaEngine()) return env;
  // The Node binary exists on every machine that runs this script; `generate` never executes it.
  env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
  console.error(
    '[db:generate] no native Prisma schema engine installed; generating without it (not needed for generate).',
  );
  return env;
}

const child = spawn(process.execPath, [prismaCli, 'generate', '--schema', SCHEMA_PATH], {
  cwd: WORK_DIR,
  env: childEnvironment(),
  stdio: 'inherit',
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
child.on('error', (error) => {
  console.error(`[db:generate] could not run prisma: ${error.message}`);
  process.exit(1);
});
