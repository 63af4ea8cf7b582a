import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/node/**/*.test.ts', 'test/web/**/*.test.tsx'],
    environment: 'node',
    // Each file gets its own store; scrypt at test cost keeps them fast.
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
