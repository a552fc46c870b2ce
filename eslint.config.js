// ESLint 9 flat config for the whole monorepo (`npm run lint` runs `eslint . --max-warnings 0`).
// Formatting belongs to Prettier: every preset below is free of stylistic rules (ESLint 9 and
// typescript-eslint 8 moved those out of core), so the two tools never disagree.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig([
  globalIgnores([
    '**/dist/**',
    '**/node_modules/**',
    '**/.tmp/**',
    'apps/api/src/generated/**',
    'packages/password-policy/src/blocklist/blocklist-data.generated.ts',
    '.tools/**',
    '.data/**',
    'e2e/artifacts/**',
    'coverage/**',
  ]),
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    rules: {
      // A leading underscore marks a parameter or binding that is unused on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Hooks also live in .ts files (src/api/<resource>/queries.ts), so the hook rules cover both.
    files: ['apps/web/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['apps/web/**/*.tsx'],
    extends: [jsxA11y.flatConfigs.recommended],
  },
  {
    // Build and test configs of the SPA run in Node, not in the browser.
    files: ['apps/web/*.config.ts', 'apps/web/build/**/*.ts'],
    languageOptions: { globals: globals.node },
  },
]);
