// npm run typecheck: strict TypeScript over every workspace (needs the generated Prisma client and
// password blocklist).
import { ensureGeneratedCode } from '../lib/build.mjs';
import { run } from '../lib/run.mjs';

await ensureGeneratedCode();
try {
  await run('tsc', ['-b', 'tsconfig.json', ...process.argv.slice(2)]);
  await run('tsc', ['-p', 'apps/api/tsconfig.test.json']);
  await run('tsc', ['-p', 'e2e/tsconfig.json']);
} catch {
  process.exit(1);
}
