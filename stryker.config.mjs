// Mutation testing of the identity service's rules (issue 9, "Test strength, measured"):
// `npm run test:mutation`. Survivors that cannot change behaviour are listed, with why, in
// stryker.equivalent.md beside this file.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: ['main/identity/service/**/*.ts', 'main/identity/policy/**/*.ts', 'main/identity/crypto/secrets.ts'],
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.mts', related: false },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.node.json',
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 10_000,
  ignorePatterns: ['dist', 'release', 'test-results', 'playwright-report', 'bench/results.json'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 95, low: 90, break: 90 },
  // A second run re-tests only the mutants whose code or tests changed (reports/ is not in git).
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
};
