import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import semver from 'semver';
import { beforeAll, describe, expect, it } from 'vitest';
import { chooseNativeBinding, nativeBuildKey } from '../../../main/electron/native-binding.js';
import { betterSqlite3Version, electronVersion } from './fake-project.js';
import { linkTree } from './link-tree.js';

/**
 * `npm run dist`'s packaging step, for real: electron-builder 26 with the project's own
 * electron-builder.yml and package.json, offline. Electron itself is replaced by a fake
 * unpacked dist (`-c.electronDist`, which electron-builder copies as it would the downloaded
 * zip); its "binary" carries the fuse wire (@electron/fuses' sentinel, version 1, then one byte
 * per fuse) so electron-builder's fuse flipping runs on it. The .deb's fpm is replaced through
 * CUSTOM_FPM_PATH (app-builder-lib's toolsets/linux.js) by a script that records its arguments.
 * Linux targets are built on Linux and macOS hosts; Windows cannot run the fake fpm script.
 */
const repoRoot = join(import.meta.dirname, '..', '..', '..');
const require = createRequire(join(repoRoot, 'package.json'));
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSES = ['RunAsNode', 'EnableCookieEncryption', 'EnableNodeOptionsEnvironmentVariable', 'EnableNodeCliInspectArguments', 'EnableEmbeddedAsarIntegrityValidation', 'OnlyLoadAppFromAsar', 'LoadBrowserProcessSpecificV8Snapshot', 'GrantFileProtocolExtraPrivileges'];

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

let project: string;
let out: string;
const target = { platform: 'linux', arch: 'x64', electronVersion, betterSqlite3Version };

function electronBuilder(args: string[], env: NodeJS.ProcessEnv = {}) {
  const cli = join(dirname(require.resolve('electron-builder/package.json')), 'cli.js');
  const run = spawnSync(process.execPath, [cli, ...args, '--publish', 'never'], { cwd: project, env: { ...process.env, CI: 'true', ...env }, encoding: 'utf8', timeout: 180_000 });
  if (run.status !== 0) throw new Error(`electron-builder ${args.join(' ')} failed:\n${run.stdout}\n${run.stderr}`);
  return run;
}

function fuseWire(binary: string): Record<string, string> {
  const bytes = readFileSync(binary);
  const at = bytes.indexOf(SENTINEL) + SENTINEL.length;
  return Object.fromEntries(FUSES.map((name, i) => [name, String.fromCharCode(bytes[at + 2 + i]!)]));
}

beforeAll(() => {
  if (!existsSync(join(repoRoot, 'dist', 'main', 'electron.cjs'))) {
    expect(spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit' }).status).toBe(0);
  }
  // The project as `npm run dist` sees it after its build and native steps.
  project = mkdtempSync(join(tmpdir(), 'twostep-dist-'));
  for (const file of ['package.json', 'package-lock.json', 'electron-builder.yml']) copyFileSync(join(repoRoot, file), join(project, file));
  cpSync(join(repoRoot, 'build'), join(project, 'build'), { recursive: true });
  // A copy, as the project has it: electron-builder asks `npm list` which packages to pack, and
  // through a link to another folder npm finds only some of them.
  linkTree(join(repoRoot, 'node_modules'), join(project, 'node_modules'));
  for (const part of ['main', 'preload', 'renderer']) cpSync(join(repoRoot, 'dist', part), join(project, 'dist', part), { recursive: true });
  const native = join(project, 'dist', 'native', nativeBuildKey(target), 'better_sqlite3.node');
  mkdirSync(dirname(native), { recursive: true });
  writeFileSync(native, 'better-sqlite3 built for Electron');

  const electronDist = join(project, 'fake-electron-dist');
  mkdirSync(join(electronDist, 'locales'), { recursive: true });
  mkdirSync(join(electronDist, 'resources'));
  const wire = Buffer.from(FUSES.map(() => '1').join(''));
  writeFileSync(join(electronDist, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\n# '), Buffer.from(SENTINEL), Buffer.from([1, FUSES.length]), wire, Buffer.from('\n')]));
  chmodSync(join(electronDist, 'electron'), 0o755);
  writeFileSync(join(electronDist, 'chrome-sandbox'), '');
  writeFileSync(join(electronDist, 'locales', 'en-US.pak'), '');
  writeFileSync(join(electronDist, 'version'), electronVersion);

  out = join(project, 'release');
  electronBuilder(['--linux', 'dir', '--x64', `-c.electronDist=${electronDist}`]);
}, 240_000);

describe.skipIf(process.platform === 'win32')('electron-builder --linux dir with the project’s configuration', () => {
  it('packs the main process, the preload and every page into app.asar, where the code looks for them', async () => {
    const { listPackage } = (await import('@electron/asar')) as { listPackage: (path: string, options: object) => string[] };
    const files = new Set(listPackage(join(out, 'linux-unpacked', 'resources', 'app.asar'), {}).map((f) => f.replaceAll('\\', '/')));
    // main.ts: appRoot = join(__dirname, '..', '..') from dist/main/electron.cjs, i.e. resources/app.asar.
    const manifest = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as { main: string };
    expect(files).toContain(`/${manifest.main}`);
    expect(files).toContain('/dist/preload/index.cjs');
    for (const page of ['control', 'messages', 'facetime', 'icloud', 'mail', 'device', 'site']) expect(files).toContain(`/dist/renderer/${page}/index.html`);
    expect([...files].some((f) => f.startsWith('/dist/renderer/assets/') && f.endsWith('.js'))).toBe(true);
    expect(files).toContain('/node_modules/better-sqlite3/lib/database.js');
    // Its Node build and C sources stay out: the app loads the Electron build.
    expect([...files].filter((f) => /better-sqlite3\/(build|deps|src)\//.test(f))).toEqual([]);
  });

  it('packs every production dependency where Node will find it from each package that requires it, and no development one', async () => {
    const asar = join(out, 'linux-unpacked', 'resources', 'app.asar');
    const { listPackage, extractFile } = (await import('@electron/asar')) as {
      listPackage: (path: string, options: object) => string[];
      extractFile: (archive: string, file: string) => Buffer;
    };
    const files = new Set(listPackage(asar, {}).map((f) => f.replaceAll('\\', '/')));
    const manifestAt = (dir: string) => JSON.parse(extractFile(asar, `${dir}/package.json`.replace(/^\//, '')).toString('utf8')) as Manifest;

    // Node's lookup for `require(name)` from the package in `dir`: dir/node_modules/name, then each parent's.
    const resolve = (dir: string, name: string): string | undefined => {
      for (let at = dir; ; at = at.slice(0, at.lastIndexOf('/node_modules/')) || '') {
        const candidate = `${at}/node_modules/${name}`;
        if (files.has(`${candidate}/package.json`)) return candidate;
        if (at === '') return undefined;
      }
    };
    const unresolved: string[] = [];
    const packed = new Set<string>();
    const queue = [''];
    for (const seen = new Set(queue); queue.length; ) {
      const dir = queue.shift()!;
      const manifest = manifestAt(dir);
      packed.add(`${manifest.name}@${manifest.version}`);
      const optionalPeers = new Set(Object.entries(manifest.peerDependenciesMeta ?? {}).filter(([, meta]) => meta.optional).map(([name]) => name));
      const needs = { ...manifest.dependencies, ...Object.fromEntries(Object.entries(manifest.peerDependencies ?? {}).filter(([name]) => !optionalPeers.has(name))) };
      for (const [name, range] of Object.entries(needs)) {
        const found = resolve(dir, name);
        if (!found || !semver.satisfies(manifestAt(found).version, range)) unresolved.push(`${name}@${range} from ${dir || 'the app'}${found ? ` (found ${manifestAt(found).version})` : ''}`);
        else if (!seen.has(found)) {
          seen.add(found);
          queue.push(found);
        }
      }
    }
    expect(unresolved).toEqual([]);

    // Everything npm installs for production (not dev, not an optional peer's types) is among what was packed.
    const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string; dev?: boolean; devOptional?: boolean }> };
    const production = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && !entry.dev && !entry.devOptional)
      .map(([path, entry]) => `${path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)}@${entry.version}`);
    expect(production.length).toBeGreaterThan(100);
    const missing = production.filter((id) => !packed.has(id));
    expect(missing, `${missing.length} of ${production.length} production packages are not in app.asar`).toEqual([]);
    for (const devOnly of ['electron', 'vitest', 'typescript', '@playwright/test', 'electron-builder']) expect(files).not.toContain(`/node_modules/${devOnly}/package.json`);
  });

  it('unpacks the Electron build of better-sqlite3 exactly where the packaged app chooses it', () => {
    const resources = join(out, 'linux-unpacked', 'resources');
    const choice = chooseNativeBinding({ appRoot: join(resources, 'app.asar'), resourcesPath: resources, isPackaged: true }, target);
    expect(choice).toEqual({ found: join(resources, 'app.asar.unpacked', 'dist', 'native', nativeBuildKey(target), 'better_sqlite3.node') });
    expect(readFileSync((choice as { found: string }).found, 'utf8')).toBe('better-sqlite3 built for Electron');
  });

  it('flips the fuses on the packaged binary', () => {
    expect(fuseWire(join(out, 'linux-unpacked', 'twostep'))).toMatchObject({
      RunAsNode: '0',
      EnableCookieEncryption: '1',
      EnableNodeOptionsEnvironmentVariable: '0',
      EnableNodeCliInspectArguments: '0',
      EnableEmbeddedAsarIntegrityValidation: '1',
      OnlyLoadAppFromAsar: '1',
      GrantFileProtocolExtraPrivileges: '0',
    });
  });

  it('builds the .deb: homepage, maintainer e-mail, every library Electron loads, the menu entry named as Electron names its windows, and the AppArmor profile', () => {
    const fpmLog = join(project, 'fpm-args.json');
    const fpm = join(project, 'fake-fpm.cjs');
    writeFileSync(
      fpm,
      `#!${process.execPath}\n` +
        "const fs = require('fs'); const args = process.argv.slice(2);\n" +
        // electron-builder deletes its temporary scripts afterwards: keep the after-install script's text.
        "const afterInstall = fs.readFileSync(args[args.indexOf('--after-install') + 1], 'utf8');\n" +
        "const [desktopFrom, desktopTo] = args.find((a) => a.endsWith('.desktop') && a.includes('=/usr/share/applications/')).split('=');\n" +
        `fs.writeFileSync(${JSON.stringify(fpmLog)}, JSON.stringify({ args, afterInstall, desktopTo, desktop: fs.readFileSync(desktopFrom, 'utf8') }));\n` +
        "fs.writeFileSync(args[args.indexOf('--package') + 1], 'deb');\n",
    );
    chmodSync(fpm, 0o755);
    electronBuilder(['--linux', 'deb', '--x64', '--prepackaged', join(out, 'linux-unpacked')], { CUSTOM_FPM_PATH: fpm });

    const { args, afterInstall, desktopTo, desktop } = JSON.parse(readFileSync(fpmLog, 'utf8')) as { args: string[]; afterInstall: string; desktopTo: string; desktop: string };
    const value = (flag: string) => args[args.indexOf(flag) + 1];
    const manifest = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as { homepage: string; desktopName: string };
    expect(value('--url')).toBe(manifest.homepage);
    expect(value('--maintainer')).toMatch(/<[^@>]+@[^>]+>/);
    // fpm takes each dependency as `-d <package>` (app-builder-lib's FpmTarget).
    const depends = args.flatMap((arg, i) => (arg === '-d' ? [args[i + 1]!] : []));
    expect(depends).toEqual(expect.arrayContaining(['libgtk-3-0', 'libnss3', 'libxss1', 'libxtst6', 'xdg-utils', 'libatspi2.0-0', 'libgbm1', 'libasound2']));
    // Electron takes its windows' WM_CLASS / app_id from desktopName: the menu entry must carry the same name.
    expect(desktopTo).toBe(`/usr/share/applications/${manifest.desktopName}`);
    expect(desktop).toContain(`StartupWMClass=${manifest.desktopName.replace(/\.desktop$/, '')}\n`);
    expect(desktop).toContain('Exec=/opt/TwoStep/twostep %U\n');
    expect(afterInstall).toContain('apparmor_parser --replace');
    expect(readFileSync(join(out, 'linux-unpacked', 'resources', 'apparmor-profile'), 'utf8')).toContain('profile "twostep" "/opt/TwoStep/twostep" flags=(unconfined)');
  });
});

describe('electron-builder.yml as electron-builder reads it', () => {
  // app-builder-lib's own loader (what electron-builder runs): no second YAML parser to disagree with it.
  const load = async () => {
    const { getConfig } = require('app-builder-lib/out/util/config/config') as { getConfig: (dir: string, path: null, extra: null) => Promise<Record<string, Record<string, unknown>>> };
    return getConfig(repoRoot, null, null);
  };

  it('re-signs the macOS app ad hoc after flipping fuses, or an unsigned build does not launch on Apple silicon', async () => {
    expect((await load()).electronFuses).toMatchObject({ resetAdHocDarwinSignature: true, runAsNode: false, onlyLoadAppFromAsar: true });
  });

  it('does not start the AppImage with --no-sandbox from its menu entry', async () => {
    expect((await load()).appImage).toMatchObject({ executableArgs: [] });
  });
});
