import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'password-policy',
    root: import.meta.dirname,
    include: ['src/**/*.test.ts'],
    // Loading the word lists takes a moment on a busy machine.
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
