#!/usr/bin/env node
// `npm test`: typecheck, lint, every test suite; ends with one line `N passed, N failed`
// (CI reads it). Each stage still runs when an earlier one failed, so one run shows everything.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { nodeTool } from './node-tool.mjs';

const results = { passed: 0, failed: 0, skipped: 0 };
const stages = [];
mkdirSync('test-results', { recursive: true });

function run(name, command, args, env = {}) {
  console.log(`\n── ${name} ──`);
  const { status } = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return status === 0;
}

/** A stage with no test counts of its own (typecheck, lint) counts as one check. */
function check(name, command, args) {
  const ok = run(name, command, args);
  results[ok ? 'passed' : 'failed'] += 1;
  stages.push(`${name}: ${ok ? 'ok' : 'FAILED'}`);
}

function suite(name, command, args, reportFile, count, env) {
  rmSync(reportFile, { force: true });
  const ok = run(name, command, args, env);
  if (!existsSync(reportFile)) {
    results.failed += 1;
    stages.push(`${name}: FAILED (no report)`);
    return;
  }
  const c = count(JSON.parse(readFileSync(reportFile, 'utf8')));
  results.passed += c.passed;
  results.failed += c.failed;
  results.skipped += c.skipped;
  // A runner that failed without a failing test (a crash, a config error) still fails the run.
  if (!ok && c.failed === 0) results.failed += 1;
  stages.push(`${name}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped${ok ? '' : ' (runner failed)'}`);
}

// Every tool runs with this Node, from its own JS entry (node-tool.mjs says why: Windows).
// The build comes first: browser mode (dist/) is what the durability and end-to-end tests start.
check('build', process.execPath, ['scripts/build.mjs']);
check('typecheck', ...nodeTool('typescript', 'tsc', ['-b']));
check('lint', ...nodeTool('eslint', 'eslint', ['.']));
check('security scan (electronegativity)', process.execPath, ['scripts/security-scan.mjs']);

suite(
  'unit and integration tests (vitest, Node)',
  ...nodeTool('vitest', 'vitest', ['run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']),
  'test-results/vitest.json',
  (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + (r.numTodoTests ?? 0) }),
);

if (existsSync('playwright.config.mts')) {
  suite(
    'end-to-end tests (Playwright, Chromium)',
    ...nodeTool('@playwright/test', 'playwright', ['test', '--reporter=list,json']),
    'test-results/playwright.json',
    (r) => ({ passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped }),
    { PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/playwright.json', TWOSTEP_SKIP_BUILD: '1' },
  );
}

console.log('\n── summary ──');
for (const line of stages) console.log(`  ${line}`);
console.log(`${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`);
process.exit(results.failed === 0 ? 0 : 1);
