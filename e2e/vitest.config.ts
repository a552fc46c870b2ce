import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// End-to-end tests: the real API (in-process, on a free port, against this run's database) serving
// the built SPA, driven by the machine's Chromium. SWC compiles because the API's NestJS code needs
// decorator metadata.
export default defineConfig({
  plugins: [swc.vite({ module: { type: 'es6' }, jsc: { target: 'es2022' } })],
  resolve: { conditions: ['@mailgate/source'] },
  ssr: { resolve: { conditions: ['@mailgate/source'] } },
  test: {
    name: 'e2e',
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    globalSetup: ['support/global-setup.ts'],
    testTimeout: 60_000,
    // The UI answers within a request or two; polling assertions wait as long as locators do.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 120_000,
    pool: 'forks',
    // Each file starts its own API and browser; on a shared 2-core machine, two at a time is the
    // most that still leaves room for argon2 and Chromium.
    maxWorkers: 2,
  },
});
