// npm run package -- <outDir>: the production layout, built the one way the Dockerfile builds it
// (its build stage runs this script; e2e/packaging/packaging.test.ts runs it and starts the result).
//
//   1. copy the sources (no node_modules, builds, local data) into a fresh staging folder;
//   2. npm ci there (its postinstall generates the Prisma client and the password blocklist);
//   3. build the API and the SPA;
//   4. npm prune --omit=dev: what remains is what production may load;
//   5. copy only what runs into <outDir>: start it with `node apps/api/dist/main.js`.
//
// A module the API loads at run time that is only a devDependency fails step 5's start, not a
// deployment later: that is the point of pruning before the test starts the result.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, run, say } from '../lib/run.mjs';

/** Never copied into the staging folder: installed, built or local state (see also .dockerignore). */
const SKIPPED_NAMES = new Set(['node_modules', 'dist', '.git', '.tools', '.data', '.tmp', 'coverage', 'artifacts']);
const SKIPPED_PATHS = new Set([
  'apps/api/src/generated',
  'packages/password-policy/src/blocklist/blocklist-data.generated.ts',
]);

/** What the production start needs, relative to the layout's root. */
const RUNTIME_PATHS = [
  'package.json',
  'package-lock.json',
  'node_modules',
  'apps/api/package.json',
  'apps/api/dist',
  'apps/web/package.json',
  'apps/web/dist',
  'packages/contracts/package.json',
  'packages/contracts/dist',
  'packages/password-policy/package.json',
  'packages/password-policy/dist',
  'packages/db/package.json',
  'packages/db/src',
  'packages/db/bin',
  'prisma/schema.prisma',
  'prisma/migrations',
];

function copySources(stage, outDir) {
  fs.cpSync(ROOT, stage, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (source) => {
      const relative = path.relative(ROOT, source).split(path.sep).join('/');
      if (relative === '') return true;
      if (path.resolve(source) === outDir) return false;
      if (SKIPPED_PATHS.has(relative) || relative.endsWith('.tsbuildinfo')) return false;
      return !SKIPPED_NAMES.has(path.basename(source));
    },
  });
}

/** Moves when staging and output share a file system, copies otherwise (symlinks kept as they are). */
function moveInto(from, to) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  try {
    fs.renameSync(from, to);
  } catch (error) {
    if (error.code !== 'EXDEV') throw error;
    fs.cpSync(from, to, { recursive: true, verbatimSymlinks: true });
  }
}

async function main() {
  const [target] = process.argv.slice(2);
  if (!target) {
    say('usage: npm run package -- <outDir>   (an empty or missing folder)');
    process.exit(2);
  }
  const outDir = path.resolve(target);
  if (fs.existsSync(outDir) && fs.readdirSync(outDir).length > 0) {
    say(`${outDir} is not empty; give a new or empty folder`);
    process.exit(2);
  }
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'mailgate-package-'));
  // The running Node (>= 22.12, see launch.cjs) for npm's lifecycle scripts and the build; a
  // NODE_ENV=production in the caller's environment must not make npm ci skip the build tools.
  const env = {
    ...process.env,
    PATH: [path.dirname(process.execPath), path.join(stage, 'node_modules/.bin'), process.env.PATH].join(
      path.delimiter,
    ),
    MAILGATE_SKIP_INSTALL: '1',
    NODE_ENV: 'development',
  };
  try {
    say(`staging the sources in ${stage}…`);
    copySources(stage, outDir);
    say('installing (npm ci)…');
    // --prefer-offline: the npm cache answers what it has (tests and CI run this repeatedly).
    await run('npm', ['ci', '--include=dev', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: stage, env });
    say('building the API and the SPA…');
    await run(process.execPath, [path.join(stage, 'scripts/tasks/build.mjs')], { cwd: stage, env });
    say('removing development dependencies (npm prune --omit=dev)…');
    await run('npm', ['prune', '--omit=dev', '--no-audit', '--no-fund'], { cwd: stage, env });
    for (const relative of RUNTIME_PATHS) moveInto(path.join(stage, relative), path.join(outDir, relative));
    say(`production layout ready in ${outDir}: NODE_ENV=production node apps/api/dist/main.js`);
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

await main();
