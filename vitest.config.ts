import { defineConfig } from 'vitest/config';

// `npm test` runs every project: packages, API (real PostgreSQL), web unit tests, and e2e
// (real Chromium, real Dovecot/Postfix) once those exist.
export default defineConfig({
  test: {
    projects: ['{packages/*,apps/*,e2e}/vitest.config.ts'],
    reporters: ['default'],
  },
});
