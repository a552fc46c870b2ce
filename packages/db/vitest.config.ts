import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'db',
    root: import.meta.dirname,
    include: ['test/**/*.test.mjs'],
    // One `prisma generate` (a few seconds, longer on a busy machine).
    testTimeout: 60_000,
  },
});
