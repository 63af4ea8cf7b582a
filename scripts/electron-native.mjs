#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into dist/native/electron-<abi>/, from a staging
// copy, so node_modules keeps the Node build that `npm test` and browser mode use.
// Run by `npm start` and `npm run dist`; needs the network (Electron's headers or a prebuilt).
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const abi = readFileSync(join(require.resolve('electron/package.json'), '..', 'abi_version'), 'utf8').trim();
const target = join('dist', 'native', `electron-${abi}`, 'better_sqlite3.node');

export async function ensureElectronNative() {
  if (existsSync(target)) return target;
  const { rebuild } = await import('@electron/rebuild');
  const staging = join('dist', 'native', 'staging');
  rmSync(staging, { recursive: true, force: true });
  const source = join(require.resolve('better-sqlite3/package.json'), '..');
  const version = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')).version;
  cpSync(source, join(staging, 'node_modules', 'better-sqlite3'), { recursive: true, filter: (path) => !path.includes(`${'better-sqlite3'}/build`) });
  writeFileSync(join(staging, 'package.json'), JSON.stringify({ name: 'twostep-native-staging', private: true, dependencies: { 'better-sqlite3': version } }));
  console.log(`Building better-sqlite3 ${version} for Electron ${electronVersion} (ABI ${abi})…`);
  await rebuild({ buildPath: staging, electronVersion, onlyModules: ['better-sqlite3'], force: true });
  mkdirSync(join('dist', 'native', `electron-${abi}`), { recursive: true });
  cpSync(join(staging, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), target);
  rmSync(staging, { recursive: true, force: true });
  return target;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureElectronNative().then(
    (path) => console.log(`better-sqlite3 for Electron: ${path}`),
    (error) => {
      console.error(`Could not build better-sqlite3 for Electron: ${error.message}`);
      process.exit(1);
    },
  );
}
