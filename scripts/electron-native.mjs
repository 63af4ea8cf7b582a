#!/usr/bin/env node
// Builds better-sqlite3 for Electron into dist/native/<key>/better_sqlite3.node, from a staging
// copy, so node_modules keeps the Node build that `npm test` and browser mode use. The key names
// the platform, arch, Electron version and better-sqlite3 version, the same key the desktop app
// looks for (main/electron/native-binding.ts): a build is reused only for exactly that target.
// Run by `npm start` and `npm run dist`; needs the network once (a prebuilt binary, or Electron's
// headers to compile against).
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { nativeModuleTargetOf } from './native-arch.mjs';

/** The project root: the folder above scripts/, whatever the current directory is. */
export const projectRoot = fileURLToPath(new URL('..', import.meta.url));

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

export function nativeBuildKey({ platform, arch, electronVersion, betterSqlite3Version }) {
  return `${platform}-${arch}-electron-${electronVersion}-better-sqlite3-${betterSqlite3Version}`;
}

/**
 * What a build for this project would target: the installed better-sqlite3, and the installed
 * Electron unless another version is given (npm start's, from ELECTRON_OVERRIDE_DIST_PATH).
 */
export function nativeTarget({ root = projectRoot, platform = process.platform, arch = process.arch, electronVersion } = {}) {
  const require = createRequire(join(root, 'package.json'));
  const betterSqlite3Dir = dirname(require.resolve('better-sqlite3/package.json'));
  return {
    platform,
    arch,
    electronVersion: electronVersion ?? readJson(require.resolve('electron/package.json')).version,
    betterSqlite3Version: readJson(join(betterSqlite3Dir, 'package.json')).version,
    betterSqlite3Dir,
  };
}

/** Where the build for a target lives (absolute). */
export function nativeBuildPath(target, root = projectRoot) {
  return join(resolve(root), 'dist', 'native', nativeBuildKey(target), 'better_sqlite3.node');
}

async function loadRebuild(root) {
  // Resolved from the project, like every other dependency of this script.
  const entry = createRequire(join(root, 'package.json')).resolve('@electron/rebuild');
  return (await import(pathToFileURL(entry).href)).rebuild;
}

/**
 * Refuses a build for another system or arch before it can be copied under this target's key:
 * a prebuilt binary for the host's arch, or a compiler that ignored the arch asked for, would
 * otherwise be packaged and fail only when the app starts on a user's machine.
 */
function assertBuiltFor(built, target) {
  const found = nativeModuleTargetOf(built);
  if (found?.platform === target.platform && found.archs.includes(target.arch)) return;
  const what = found ? `${found.platform}-${found.archs.join('+')}` : 'no system this script knows (not an ELF, Mach-O or PE file)';
  throw new Error(
    `better-sqlite3 came out built for ${what}, not for ${target.platform}-${target.arch}; it was not used. ` +
      'A prebuilt binary for another arch, or a compiler that cannot build for this one, is the usual cause.',
  );
}

/**
 * Builds better-sqlite3 for Electron once per target and returns the binary's absolute path.
 * `rebuild` is @electron/rebuild's function unless a test passes its own.
 */
export async function ensureElectronNative({ root = projectRoot, platform, arch, electronVersion, rebuild, log = console.log } = {}) {
  root = resolve(root);
  const target = nativeTarget({ root, platform, arch, electronVersion });
  const binary = nativeBuildPath(target, root);
  if (existsSync(binary)) return binary;

  // @electron/rebuild wants an absolute buildPath (it throws before doing anything otherwise).
  const staging = join(root, 'dist', 'native', `staging-${nativeBuildKey(target)}`);
  rmSync(staging, { recursive: true, force: true });
  const stagedModule = join(staging, 'node_modules', 'better-sqlite3');
  // The Node build (build/) stays behind: @electron/rebuild must not mistake it for its own output.
  const nodeBuild = join(target.betterSqlite3Dir, 'build');
  cpSync(target.betterSqlite3Dir, stagedModule, { recursive: true, filter: (path) => path !== nodeBuild && !path.startsWith(nodeBuild + sep) });
  writeFileSync(
    join(staging, 'package.json'),
    JSON.stringify({ name: 'twostep-native-staging', private: true, dependencies: { 'better-sqlite3': target.betterSqlite3Version } }),
  );
  log(
    `Building better-sqlite3 ${target.betterSqlite3Version} for Electron ${target.electronVersion} (${target.platform}-${target.arch}): ` +
      'a prebuilt binary is downloaded, or it is compiled against Electron’s headers (once; up to a few minutes)…',
  );
  try {
    await (rebuild ?? (await loadRebuild(root)))({
      buildPath: staging,
      electronVersion: target.electronVersion,
      platform: target.platform,
      arch: target.arch,
      onlyModules: ['better-sqlite3'],
      force: true,
    });
    const built = join(stagedModule, 'build', 'Release', 'better_sqlite3.node');
    if (!existsSync(built)) throw new Error(`@electron/rebuild finished but wrote no ${built}`);
    assertBuiltFor(built, target);
    mkdirSync(dirname(binary), { recursive: true });
    cpSync(built, binary);
    const { platform: p, arch: a, electronVersion, betterSqlite3Version } = target;
    const stamp = { platform: p, arch: a, electronVersion, betterSqlite3Version, builtAt: new Date().toISOString() };
    writeFileSync(join(dirname(binary), 'build.json'), `${JSON.stringify(stamp, null, 2)}\n`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  log(`better-sqlite3 for Electron: ${binary}`);
  return binary;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureElectronNative().catch((error) => {
    console.error(`Could not build better-sqlite3 for Electron: ${error.message}`);
    process.exit(1);
  });
}
