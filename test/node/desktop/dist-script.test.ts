import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagedArchs, requestedPlatforms } from '../../../scripts/dist-targets.mjs';
import { installFakeTool, nodeUnderProgramFiles, windowsLikePath } from '../toolchain/fake-tools.js';
import { betterSqlite3Version, electronVersion, makeFakeProject } from './fake-project.js';
import { cleanEnv } from './run-script.js';

/**
 * `npm run dist` (scripts/dist.mjs) for real in a throwaway project (fake-project.ts) whose
 * electron-builder is a fake that records its arguments (toolchain/fake-tool.mjs): which steps
 * run, with which Node, and what it refuses before building anything.
 */
const windowsSpawn = join(import.meta.dirname, '..', 'toolchain', 'windows-spawn.mjs');

function projectWithBuilder() {
  const project = makeFakeProject();
  installFakeTool(project.root, 'electron-builder');
  return project;
}

function dist(project: { root: string; log: string }, args: string[], { node = process.execPath, env = {} }: { node?: string; env?: NodeJS.ProcessEnv } = {}) {
  return spawnSync(node, [join('scripts', 'dist.mjs'), ...args], {
    cwd: project.root,
    env: cleanEnv({ FAKE_EVENTS_LOG: project.log, ...env }),
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('npm run dist', () => {
  it('builds better-sqlite3 for the arch asked for, keeps only that build, and hands electron-builder its arguments', () => {
    const project = projectWithBuilder();
    const run = dist(project, ['--arm64']);
    expect(run.status).toBe(0);
    const [rebuild, builder] = project.events();
    expect(rebuild).toMatchObject({ who: 'rebuild', options: { arch: 'arm64', platform: process.platform, electronVersion } });
    expect(builder!.who).toBe('electron-builder');
    expect(builder!.args.slice(0, 2)).toEqual(['--publish', 'never']);
    expect(builder!.args).toContain('--arm64');
    expect(readdirSync(join(project.root, 'dist', 'native'))).toEqual([`${process.platform}-arm64-electron-${electronVersion}-better-sqlite3-${betterSqlite3Version}`]);
  });

  it.skipIf(process.platform === 'win32')(
    'runs every step by Windows’ rules with Node under C:\\Program Files: no shell, no npx (this is not Windows: the rules are faked)',
    () => {
      const project = projectWithBuilder();
      const node = nodeUnderProgramFiles();
      const run = dist(project, [], { node, env: { PATH: windowsLikePath(), NODE_OPTIONS: `--import=${windowsSpawn}` } });

      expect(run.stderr).not.toContain('is not recognized');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('build: nothing to do in this test project');
      const events = project.events();
      expect(events.map((e) => e.who)).toEqual(['rebuild', 'electron-builder']);
      expect(events[0]!.options).toMatchObject({ platform: 'win32', arch: process.arch });
      expect(events[1]).toMatchObject({ execPath: node, args: ['--publish', 'never'] });
    },
  );

  it('refuses to package for another system, saying why, before building anything', () => {
    const foreign = { darwin: ['--mac', '-m', '--macos=dmg', '-mw'], linux: ['--linux', '-l', '--linux=deb'], win32: ['--win', '-w', '--windows', '--win=nsis'] };
    for (const [system, flags] of Object.entries(foreign)) {
      if (system === process.platform) continue;
      for (const flag of flags) {
        const project = projectWithBuilder();
        const run = dist(project, [flag]);
        expect(run.status, flag).toBe(1);
        expect(run.stderr).toMatch(/npm run dist packages TwoStep for the system it runs on \((Linux|macOS|Windows)\); it cannot package it for (macOS|Linux|Windows)/);
        expect(run.stderr).toContain('better-sqlite3 is compiled for the system it runs on');
        expect(run.stdout).not.toContain('build: nothing to do');
        expect(project.events()).toEqual([]);
      }
    }
  });

  it('stops, and packages nothing, when better-sqlite3 comes out built for another arch', () => {
    const project = projectWithBuilder();
    const run = dist(project, ['--x64'], { env: { FAKE_REBUILD: 'wrong-arch' } });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(`better-sqlite3 came out built for ${process.platform}-arm64, not for ${process.platform}-x64; it was not used.`);
    expect(project.events().map((e) => e.who)).toEqual(['rebuild']);
    expect(existsSync(join(project.root, 'dist', 'native'))).toBe(true);
    expect(readdirSync(join(project.root, 'dist', 'native'))).toEqual([]);
  });
});

describe('what npm run dist reads from electron-builder’s flags', () => {
  it('the systems: long and short flags, with targets, and clusters of short flags; a -c. override is not a cluster', () => {
    expect(requestedPlatforms([])).toEqual([]);
    expect(requestedPlatforms(['--mac', 'dmg', '--universal'])).toEqual(['darwin']);
    expect(requestedPlatforms(['--linux=AppImage', '--x64'])).toEqual(['linux']);
    expect(requestedPlatforms(['-mwl'])).toEqual(['darwin', 'win32', 'linux']);
    expect(requestedPlatforms(['-o', '--windows', 'nsis'])).toEqual(['darwin', 'win32']);
    expect(requestedPlatforms(['-c.mac.identity=null', '-c.linux.target=dir'])).toEqual([]);
  });

  it('the archs: each arch flag, both halves of a universal macOS app, else the host’s', () => {
    expect(packagedArchs([], 'arm64')).toEqual(['arm64']);
    expect(packagedArchs(['--x64', '--arm64'], 'x64')).toEqual(['x64', 'arm64']);
    expect(packagedArchs(['--universal'], 'arm64')).toEqual(['x64', 'arm64']);
  });
});
