import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3 is compiled twice: for Node (node_modules, used by tests and browser mode) and
 * for Electron's ABI (dist/native/electron-<abi>/, made by scripts/electron-native.mjs when the
 * desktop app is started or packaged). The desktop app loads the second through
 * better-sqlite3's `nativeBinding` option, so neither build ever overwrites the other.
 */
export function electronNativeBinding(appRoot: string, resourcesPath: string | undefined, abi: string): string | undefined {
  const candidates = [
    join(appRoot, 'dist', 'native', `electron-${abi}`, 'better_sqlite3.node'),
    ...(resourcesPath ? [join(resourcesPath, 'app.asar.unpacked', 'dist', 'native', `electron-${abi}`, 'better_sqlite3.node')] : []),
  ];
  return candidates.find((path) => existsSync(path));
}
