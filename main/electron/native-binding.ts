import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3 is compiled twice: for Node (node_modules, used by tests and browser mode) and
 * for Electron (dist/native/<key>/, made by scripts/electron-native.mjs when the desktop app is
 * started or packaged). The desktop app loads the second through better-sqlite3's
 * `nativeBinding` option, so neither build ever overwrites the other.
 *
 * The key names everything the compiled file depends on: a build for another platform, another
 * arch (an arm64 or universal package), another Electron or another better-sqlite3 must never be
 * picked. scripts/electron-native.mjs writes the same key (test/node/desktop checks they agree).
 */
export interface NativeBuildTarget {
  platform: string;
  arch: string;
  electronVersion: string;
  betterSqlite3Version: string;
}

export function nativeBuildKey(target: NativeBuildTarget): string {
  return `${target.platform}-${target.arch}-electron-${target.electronVersion}-better-sqlite3-${target.betterSqlite3Version}`;
}

export interface NativeBindingPlace {
  /** The project root (npm start) or the app inside the package (resources/app.asar). */
  appRoot: string;
  /** process.resourcesPath: where app.asar.unpacked sits in a package. */
  resourcesPath: string | undefined;
  /** app.isPackaged: a package loads only from app.asar.unpacked (native code cannot load from inside the asar). */
  isPackaged: boolean;
}

export type NativeBindingChoice = { found: string } | { missing: string; fix: string };

/** Which Electron build of better-sqlite3 this app loads, or where it should have been and how to make it. */
export function chooseNativeBinding(place: NativeBindingPlace, target: NativeBuildTarget): NativeBindingChoice {
  const relative = join('dist', 'native', nativeBuildKey(target), 'better_sqlite3.node');
  if (place.isPackaged) {
    const path = join(place.resourcesPath ?? join(place.appRoot, '..'), 'app.asar.unpacked', relative);
    if (existsSync(path)) return { found: path };
    return {
      missing: path,
      fix:
        'This package was built without the SQLite library for its platform and Electron version. ' +
        'Install TwoStep again from a complete installer; if you built it yourself, run `npm run dist` again ' +
        '(it builds the library for every arch it packages).',
    };
  }
  const path = join(place.appRoot, relative);
  if (existsSync(path)) return { found: path };
  return {
    missing: path,
    fix:
      'Start the desktop app with `npm start`: it builds the library for this Electron before launching it ' +
      '(once, about a minute; it needs the internet). Launching Electron directly skips that step.',
  };
}
