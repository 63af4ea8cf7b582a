import { defineConfig } from 'vitest/config';

/** The tests Stryker runs against each mutant of the identity service (stryker.config.mjs). */
export default defineConfig({
  test: {
    // The mail servers' tests of sign-in and the budget judge mail-sign-in.ts; the real clients'
    // (external programs) and the random-input test add time, not kills.
    include: [
      'test/node/*.test.ts',
      'test/node/attacks/*.test.ts',
      'test/node/mail/budget.test.ts',
      'test/node/mail/notifications.test.ts',
      'test/node/mail/profiles.test.ts',
      'test/node/mail/imap-protocol.test.ts',
    ],
    // Left out: the slow crash test, the catalogs (no service code), and the presenter's, which
    // reads the built pages (dist/, which Stryker's sandbox does not copy).
    exclude: ['test/node/crash-durability.test.ts', 'test/node/i18n-catalogs.test.ts', 'test/node/presenter.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
