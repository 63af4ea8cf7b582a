import { defineConfig } from 'vitest/config';

/** The tests Stryker runs against each mutant of the identity service (stryker.config.mjs). */
export default defineConfig({
  test: {
    include: ['test/node/*.test.ts', 'test/node/attacks/*.test.ts'],
    exclude: ['test/node/crash-durability.test.ts', 'test/node/i18n-catalogs.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
