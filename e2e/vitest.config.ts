import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// Browser tests: the real API (built in-process from apps/api/src) serves the built SPA on a loopback
// port, and real Chromium drives it. SWC compiles the API because NestJS's dependency injection needs
// decorator metadata, which esbuild/oxc do not emit.
export default defineConfig({
  plugins: [swc.vite({ module: { type: 'es6' }, jsc: { target: 'es2022' } })],
  resolve: { conditions: ['@mailgate/source'] },
  ssr: { resolve: { conditions: ['@mailgate/source'] } },
  test: {
    name: 'e2e',
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    exclude: ['artifacts/**', 'node_modules/**'],
    // One migrated database per run (the API's own setup), then the SPA build the API serves.
    globalSetup: ['../apps/api/test/db/global-setup.ts', 'support/web-build.global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Each file starts a browser; on shared two-core machines running them one after another is faster.
    fileParallelism: false,
  },
});
