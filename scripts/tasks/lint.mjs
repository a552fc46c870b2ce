// npm run lint: ESLint (with jsx-a11y for the SPA), Prettier's check over the whole repository, and
// the copy/paste check.
import { run } from '../lib/run.mjs';

// The copy/paste check (jscpd), configured here and nowhere else. Why: logic written twice drifts
// apart when one copy is fixed, so the second place should call the first. It fails on exact
// repeats only, token for token (the same names and values), of at least 6 lines and 50 tokens:
// code that merely has the same shape with other names (two routes, two form fields) is fine.
// Only code is checked (TypeScript, TSX, JavaScript): styles and expected-output fixtures are not
// logic. Import declarations are skipped: two files that need the same names list them alike, and
// there is nothing to fold. Left out: what a tool writes (Prisma's client, *.generated.ts, builds)
// and the Prisma migrations, which are immutable once applied, so a repeat in them cannot be folded
// away.
const DUPLICATE_CHECK = [
  ...['.', '--pattern', '{apps,packages,e2e,bench,scripts}/**'],
  ...['--format', 'typescript,tsx,javascript'],
  ...['--min-lines', '6', '--min-tokens', '50'],
  ...['--ignore-pattern', String.raw`import\s[^;]*;`],
  ...['--ignore', '**/node_modules/**,**/dist/**,apps/api/src/generated/**,**/*.generated.ts,prisma/migrations/**'],
  ...['--exit-code', '1', '--no-tips', '--reporters', 'console'],
];

try {
  await run('eslint', ['.', '--max-warnings', '0']);
  await run('prettier', ['--check', '--log-level', 'warn', '.']);
  await run('jscpd', DUPLICATE_CHECK);
} catch {
  process.exit(1);
}
