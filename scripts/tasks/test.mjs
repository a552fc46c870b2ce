// npm test: the whole suite. Uses DATABASE_URL's server when set (CI: the machine's PostgreSQL),
// otherwise an embedded PostgreSQL; each run creates its own databases and drops only those.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildWeb, ensureGeneratedCode } from '../lib/build.mjs';
import { ROOT, run, say } from '../lib/run.mjs';

await ensureGeneratedCode();
// The browser tests drive the built SPA served by the API, exactly as `npm start` serves it.
if (existsSync(join(ROOT, 'e2e/vitest.config.ts'))) await buildWeb();
say(process.env.DATABASE_URL ? 'tests use the PostgreSQL server at DATABASE_URL' : 'tests use an embedded PostgreSQL');
const reportFile = join(ROOT, '.tmp/vitest-report.json');
let failed = false;
try {
  await run('vitest', [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reportFile}`,
    ...process.argv.slice(2),
  ]);
} catch {
  failed = true;
}
// One plain closing line, the same whatever the runner prints above it.
if (existsSync(reportFile)) {
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  const skipped = report.numPendingTests + report.numTodoTests;
  process.stdout.write(
    `\n${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
  );
  if (report.numTotalTests === 0) failed = true;
}
process.exit(failed ? 1 : 0);
