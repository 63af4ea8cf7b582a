import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * `npm run web -- --help` on a fresh clone: nothing is built yet (no dist/), and the help must
 * still come at once. The clone is the sources it needs (scripts, main, preload, package.json)
 * with the installed node_modules linked in, as after `npm ci`.
 */
const repoRoot = join(import.meta.dirname, '..', '..', '..');

function freshClone(): string {
  const root = mkdtempSync(join(tmpdir(), 'twostep-clone-'));
  for (const part of ['scripts', 'main', 'preload', 'package.json', 'tsconfig.base.json']) cpSync(join(repoRoot, part), join(root, part), { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'), 'junction');
  return root;
}

describe('npm run web -- --help', () => {
  it('prints the usage on a fresh clone, before anything was built, from any folder', () => {
    const clone = freshClone();
    expect(existsSync(join(clone, 'dist'))).toBe(false);
    const run = spawnSync(process.execPath, [join(clone, 'scripts', 'web.mjs'), '--help'], { cwd: tmpdir(), encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr).not.toContain('MODULE_NOT_FOUND');
    expect(run.stdout).toContain('--help          this text');
    expect(run.stdout).toContain('--imap-port');
    expect(run.status).toBe(0);
  });
});
