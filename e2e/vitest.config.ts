import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// Cross-cutting tests: real Chromium against the built SPA, real Dovecot and Postfix against the
// API. They start servers and bind ports, so files run one after another.
export default defineConfig({
  plugins: [swc.vite({ module: { type: 'es6' }, jsc: { target: 'es2022' } })],
  resolve: { conditions: ['@mailgate/source'] },
  ssr: { resolve: { conditions: ['@mailgate/source'] } },
  test: {
    name: 'e2e',
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
