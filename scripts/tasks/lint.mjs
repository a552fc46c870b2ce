// npm run lint: ESLint (with jsx-a11y for the SPA) and Prettier's check over the whole repository.
import { run } from '../lib/run.mjs';

try {
  await run('eslint', ['.', '--max-warnings', '0']);
  await run('prettier', ['--check', '--log-level', 'warn', '.']);
} catch {
  process.exit(1);
}
