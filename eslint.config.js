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
    // Type-aware rules for the server side: a promise nobody awaits loses its errors (an unhandled
    // rejection ends the process), and a type-only import must say so. Decorated Nest classes keep
    // their value imports: with emitDecoratorMetadata the constructor types are read at runtime,
    // and the rule knows that from the tsconfig.
    // The projects are named (rather than found by projectService) because the API's tests live in
    // tsconfig.test.json, which the nearest tsconfig.json leaves out. The packages' own tests and
    // the vitest configs belong to no project, so only the untyped rules see them.
    files: ['apps/api/**/*.ts', 'packages/**/*.ts', 'e2e/**/*.ts'],
    ignores: ['packages/*/src/**/*.test.ts', '**/vitest.config.ts'],
    languageOptions: {
      parserOptions: {
        project: [
          './apps/api/tsconfig.test.json',
          './e2e/tsconfig.json',
          './packages/contracts/tsconfig.json',
          './packages/password-policy/tsconfig.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
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
    // zod stays out of the SPA's bundle: the contracts' schemas reach it as types only, and at run
    // time it imports only the contracts' zod-free entries (values, routes). Tests are not bundled.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ignores: ['apps/web/src/**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@mailgate/contracts',
              allowTypeImports: true,
              message:
                'Import the contracts as `import type` (a value import bundles zod); values and routes come from @mailgate/contracts/values and /routes.',
            },
            { name: 'zod', allowTypeImports: true, message: 'zod stays out of the SPA bundle.' },
          ],
          patterns: [
            {
              group: ['@mailgate/contracts/*', '!@mailgate/contracts/values', '!@mailgate/contracts/routes'],
              allowTypeImports: true,
              message: 'At run time the SPA imports only the zod-free entries @mailgate/contracts/values and /routes.',
            },
          ],
        },
      ],
    },
  },
  {
    // The zod-free entries import nothing at run time, so neither zod nor a schema can slip in.
    files: ['packages/contracts/src/values.ts', 'packages/contracts/src/routes.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: '.*', allowTypeImports: true, message: 'A zod-free entry imports no code.' }] },
      ],
    },
  },
  {
    // Build and test configs of the SPA run in Node, not in the browser.
    files: ['apps/web/*.config.ts', 'apps/web/build/**/*.ts'],
    languageOptions: { globals: globals.node },
  },
]);
