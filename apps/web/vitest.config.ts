import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

// Reuses the Vite config so tests resolve workspace packages exactly like the app does.
export default mergeConfig(
  viteConfig,
  defineConfig({
    // Tests run in Node, where Vite resolves for SSR: the workspace packages' source condition
    // must be named here too, or a fresh clone (no package builds yet) cannot resolve them.
    ssr: { resolve: { conditions: ['@mailgate/source'] } },
    test: {
      // jsdom is not installed: unit tests cover pure logic and stub browser globals where needed.
      environment: 'node',
      include: ['src/**/*.test.{ts,tsx}', 'build/**/*.test.ts'],
    },
  }),
);
