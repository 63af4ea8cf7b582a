import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * A throwaway copy of the project's launch path, for running scripts/start.mjs and
 * scripts/electron-native.mjs for real, with the outside world replaced by fakes on disk:
 *
 * - node_modules/electron: the real package's index.js, cli.js and package.json (so the first-run
 *   message, path.txt handling and errors are Electron's own), with install.js, the downloader,
 *   replaced by fake-electron-install.cjs; or the real install.js against a local mirror.
 * - the "Electron binary": Node itself (a shell script that execs Node on POSIX, a copy of
 *   node.exe on Windows). Started as Electron is, `<binary> . args`, it runs package.json's main,
 *   dist/main/electron.cjs, which is fake-electron-app.cjs: it records its arguments and behaves
 *   as FAKE_APP says.
 * - node_modules/@electron/rebuild: fake-electron-rebuild.mjs, the boundary of the native build.
 * - dist/main/browser-mode.mjs: records that browser mode started, with which arguments.
 */
const here = dirname(new URL(import.meta.url).pathname.replace(/^\/([A-Za-z]:)/, '$1'));
const repoRoot = join(here, '..', '..', '..');
const realRequire = createRequire(join(repoRoot, 'package.json'));
export const realElectronDir = dirname(realRequire.resolve('electron/package.json'));
export const electronVersion = (JSON.parse(readFileSync(join(realElectronDir, 'package.json'), 'utf8')) as { version: string }).version;
export const betterSqlite3Version = (realRequire('better-sqlite3/package.json') as { version: string }).version;

/** Where electron/install.js puts the binary on this platform (its getPlatformPath()). */
export function platformPath(platform = process.platform): string {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return platform === 'win32' ? 'electron.exe' : 'electron';
}

/** Writes the stand-in Electron binary at `path`: Node, which runs `.` (package.json's main) like Electron. */
export function writeFakeElectronBinary(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  if (process.platform === 'win32') {
    copyFileSync(process.execPath, path);
    return;
  }
  writeFileSync(path, `#!/bin/sh\nexec '${process.execPath}' "$@"\n`);
  chmodSync(path, 0o755);
}

export type ElectronInstaller = 'fake' | 'real';

export interface FakeProject {
  root: string;
  /** Where the fake app and fake browser mode write what happened (one JSON object per line). */
  log: string;
  events(): { who: string; args: string[]; cwd: string; [key: string]: unknown }[];
}

export function makeFakeProject(options: { installer?: ElectronInstaller; binaryInstalled?: boolean } = {}): FakeProject {
  const root = mkdtempSync(join(tmpdir(), 'twostep-launch-'));
  const log = join(root, 'events.jsonl');
  writeFileSync(log, '');

  // The scripts under test, as they are in the repository; the build is not part of what is tested.
  mkdirSync(join(root, 'scripts'));
  for (const file of readdirSync(join(repoRoot, 'scripts'))) {
    if (/\.(mjs|cjs)$/.test(file) && file !== 'build.mjs') copyFileSync(join(repoRoot, 'scripts', file), join(root, 'scripts', file));
  }
  writeFileSync(join(root, 'scripts', 'build.mjs'), "console.log('build: nothing to do in this test project');\n");
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'twostep', private: true, type: 'module', main: 'dist/main/electron.cjs' }));

  mkdirSync(join(root, 'dist', 'main'), { recursive: true });
  copyFileSync(join(here, 'fake-electron-app.cjs'), join(root, 'dist', 'main', 'electron.cjs'));
  copyFileSync(join(here, 'fake-browser-mode.mjs'), join(root, 'dist', 'main', 'browser-mode.mjs'));

  const electronDir = join(root, 'node_modules', 'electron');
  mkdirSync(electronDir, { recursive: true });
  for (const file of ['package.json', 'index.js', 'cli.js', 'checksums.json', 'abi_version']) copyFileSync(join(realElectronDir, file), join(electronDir, file));
  if (options.installer === 'real') {
    copyFileSync(join(realElectronDir, 'install.js'), join(electronDir, 'install.js'));
    // The real downloader and extractor, resolved from the real node_modules through these links.
    for (const dep of ['@electron/get', '@electron-internal/extract-zip']) {
      mkdirSync(dirname(join(root, 'node_modules', dep)), { recursive: true });
      symlinkSync(join(repoRoot, 'node_modules', dep), join(root, 'node_modules', dep), 'junction');
    }
  } else {
    copyFileSync(join(here, 'fake-electron-install.cjs'), join(electronDir, 'install.js'));
  }
  if (options.binaryInstalled) {
    writeFakeElectronBinary(join(electronDir, 'dist', platformPath()));
    writeFileSync(join(electronDir, 'dist', 'version'), electronVersion);
    writeFileSync(join(electronDir, 'path.txt'), platformPath());
  }

  const rebuildDir = join(root, 'node_modules', '@electron', 'rebuild');
  mkdirSync(rebuildDir, { recursive: true });
  copyFileSync(join(here, 'fake-electron-rebuild.mjs'), join(rebuildDir, 'main.js'));
  copyFileSync(join(here, 'native-header.mjs'), join(rebuildDir, 'native-header.mjs'));
  writeFileSync(join(rebuildDir, 'package.json'), JSON.stringify({ name: '@electron/rebuild', version: '4.2.1', type: 'module', exports: './main.js' }));

  // Just enough of better-sqlite3 for a build: its manifest and a binding.gyp (what @electron/rebuild looks for).
  const sqliteDir = join(root, 'node_modules', 'better-sqlite3');
  mkdirSync(join(sqliteDir, 'build', 'Release'), { recursive: true });
  writeFileSync(join(sqliteDir, 'package.json'), JSON.stringify({ name: 'better-sqlite3', version: betterSqlite3Version }));
  writeFileSync(join(sqliteDir, 'binding.gyp'), '{ "targets": [] }\n');
  writeFileSync(join(sqliteDir, 'build', 'Release', 'better_sqlite3.node'), 'the Node build, which must stay as it is');

  return {
    root,
    log,
    events: () =>
      readFileSync(log, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { who: string; args: string[]; cwd: string }),
  };
}

