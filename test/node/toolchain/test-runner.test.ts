import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFakeProject } from '../desktop/fake-project.js';
import { cleanEnv } from '../desktop/run-script.js';
import { installFakeTool, nodeUnderProgramFiles, windowsLikePath } from './fake-tools.js';

/**
 * `npm test` (scripts/test.mjs) and its security scan, run for real in a throwaway project whose
 * tools are fakes (fake-tool.mjs), by Windows' rules for starting programs (windows-spawn.mjs,
 * loaded into every Node process through NODE_OPTIONS), with Node installed under a folder with
 * a space in its name. The workflow's Windows runner is where this has to hold.
 */
const windowsSpawn = join(import.meta.dirname, 'windows-spawn.mjs');
const TOOLS = ['typescript', 'eslint', 'vitest', '@playwright/test', '@doyensec/electronegativity'];

function projectWithTools() {
  const project = makeFakeProject();
  for (const tool of TOOLS) installFakeTool(project.root, tool);
  writeFileSync(join(project.root, 'playwright.config.mts'), 'export default {};\n');
  for (const dir of ['main', 'preload', join('dist', 'renderer', 'control')]) mkdirSync(join(project.root, dir), { recursive: true });
  writeFileSync(join(project.root, 'dist', 'renderer', 'control', 'index.html'), '<!doctype html><title>Control</title>\n');
  return project;
}

function runAsOnWindows(node: string, script: string, project: { root: string; log: string }) {
  return spawnSync(node, [script], {
    cwd: project.root,
    env: cleanEnv({ PATH: windowsLikePath(), NODE_OPTIONS: `--import=${windowsSpawn}`, FAKE_EVENTS_LOG: project.log }),
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe.skipIf(process.platform === 'win32')('npm test by Windows’ rules for starting programs (this is not Windows: the rules are faked)', () => {
  it('starts typecheck, lint, the scan and both suites with the Node that runs it, and counts them all', () => {
    const project = projectWithTools();
    const node = nodeUnderProgramFiles();
    const run = runAsOnWindows(node, join('scripts', 'test.mjs'), project);

    // build, typecheck, lint and the scan count one each; vitest 3 passed and 1 skipped; Playwright 2.
    expect(run.stdout).toContain('\n9 passed, 0 failed, 1 skipped\n');
    expect(run.status).toBe(0);
    const started = project.events().map((e) => [e.who, e.args.slice(0, 2), e.execPath]);
    expect(started).toEqual([
      ['typescript', ['-b'], node],
      ['eslint', ['.'], node],
      ['@doyensec/electronegativity', ['-i', join('test-results', 'electronegativity-input')], node],
      ['vitest', ['run', '--reporter=default'], node],
      ['@playwright/test', ['test', '--reporter=list,json'], node],
    ]);
  });

  it('the security scan alone starts electronegativity and reads its report', () => {
    const project = projectWithTools();
    const run = runAsOnWindows(nodeUnderProgramFiles(), join('scripts', 'security-scan.mjs'), project);
    expect(run.stdout).toContain('electronegativity: 0 finding(s) in 1 run(s)');
    expect(run.status).toBe(0);
  });

  it('the fake rules do refuse what Windows refuses: npx.cmd without a shell, and a shell line through C:\\Program Files', () => {
    const probe = `
      const { spawnSync } = require('node:child_process');
      const cmd = spawnSync('npx.cmd', ['tsc']);
      const shell = spawnSync(process.execPath, ['-e', '0'], { shell: true, encoding: 'utf8' });
      console.log(JSON.stringify({ platform: process.platform, cmd: cmd.error?.code, shell: [shell.status, shell.stderr.split('\\r\\n')[0]] }));`;
    const node = nodeUnderProgramFiles();
    const run = spawnSync(node, ['-e', probe], { env: cleanEnv({ PATH: windowsLikePath(), NODE_OPTIONS: `--import=${windowsSpawn}` }), encoding: 'utf8' });
    expect(JSON.parse(run.stdout)).toEqual({
      platform: 'win32',
      cmd: 'EINVAL',
      shell: [1, `'${node.slice(0, node.indexOf(' '))}' is not recognized as an internal or external command,`],
    });
  });
});
