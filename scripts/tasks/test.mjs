// npm test: the whole suite. Uses DATABASE_URL's server when set (CI: the machine's PostgreSQL),
// otherwise an embedded PostgreSQL; each run creates its own databases and drops only those.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildWeb, ensureGeneratedCode } from '../lib/build.mjs';
import { ROOT, run, say } from '../lib/run.mjs';

await ensureGeneratedCode();
// The browser tests drive the built SPA served by the API, exactly as `npm start` serves it.
if (existsSync(join(ROOT, 'e2e/vitest.config.ts'))) await buildWeb();
say(process.env.DATABASE_URL ? 'tests use the PostgreSQL server at DATABASE_URL' : 'tests use an embedded PostgreSQL');
try {
  await run('vitest', ['run', ...process.argv.slice(2)]);
} catch {
  process.exit(1);
}
