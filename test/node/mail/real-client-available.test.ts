import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * needsRealClient (real-client-available.ts) as the real-clients tests use it, seen from outside:
 * a small test file using it runs in its own vitest, with and without TWOSTEP_REQUIRE_REAL_CLIENTS,
 * and what that vitest reports is what a developer or CI would read.
 */
const repoRoot = join(import.meta.dirname, '..', '..', '..');
const vitest = join(dirname(createRequire(join(repoRoot, 'package.json')).resolve('vitest/package.json')), 'vitest.mjs');
// Inside node_modules, so the file's `import 'vitest'` resolves, and no run of the suite picks it up.
const tmpRoot = join(repoRoot, 'node_modules', '.tmp');
mkdirSync(tmpRoot, { recursive: true });
const dir = mkdtempSync(join(tmpRoot, 'real-client-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

writeFileSync(join(dir, 'vitest.config.mjs'), "export default { test: { include: ['*.test.ts'] } };\n");
writeFileSync(
  join(dir, 'clients.test.ts'),
  `import { describe, expect, it } from 'vitest';
import { needsRealClient } from ${JSON.stringify(join(import.meta.dirname, 'real-client-available.ts'))};
describe('a client that is not installed', () => {
  needsRealClient('twostep-no-such-client', 'twostep-client-package');
  it('drives it', () => expect.fail('ran without its client'));
});
describe('a client that is installed', () => {
  needsRealClient('node');
  it('drives it', () => expect(1).toBe(1));
});
`,
);

interface Outcome {
  ancestorTitles: string[];
  status: string;
  failureMessages: string[];
}

function runVitest(env: NodeJS.ProcessEnv) {
  const run = spawnSync(process.execPath, [vitest, 'run', '--root', dir, '--reporter=verbose', '--reporter=json', `--outputFile.json=${join(dir, 'report.json')}`], {
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { testResults: { assertionResults: Outcome[] }[] };
  const results: Record<string, Outcome> = Object.fromEntries(report.testResults[0]!.assertionResults.map((r) => [r.ancestorTitles[0] ?? '', r]));
  return { output: run.stdout, status: run.status, results };
}

describe('a real mail client that is missing', () => {
  it('skips the tests that drive it, saying which program and how to install it; the others run', () => {
    const { output, status, results } = runVitest({ TWOSTEP_REQUIRE_REAL_CLIENTS: '' });
    expect(status).toBe(0);
    expect(results['a client that is not installed']!.status).toBe('skipped');
    expect(results['a client that is installed']!.status).toBe('passed');
    expect(output).toMatch(/↓ .*a client that is not installed > drives it .*\[twostep-no-such-client is not installed here \((apt-get|brew) install twostep-client-package\)\]/);
  });

  it('fails them where TWOSTEP_REQUIRE_REAL_CLIENTS is set (as .ci/run sets it), saying why', () => {
    const { status, results } = runVitest({ TWOSTEP_REQUIRE_REAL_CLIENTS: '1' });
    expect(status).toBe(1);
    const missing = results['a client that is not installed']!;
    expect(missing.status).toBe('failed');
    expect(missing.failureMessages[0]).toContain('twostep-no-such-client is not installed, and TWOSTEP_REQUIRE_REAL_CLIENTS is set (CI installs every real client), so this test fails rather than skips.');
    expect(results['a client that is installed']!.status).toBe('passed');
  });
});
