#!/usr/bin/env node
// `npm run dist`: packages the desktop app for the current platform into release/ with
// electron-builder (see electron-builder.yml): build, better-sqlite3 for Electron, package.
import { spawnSync } from 'node:child_process';
import { ensureElectronNative } from './electron-native.mjs';

const run = (command, args) => {
  const { status } = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (status !== 0) process.exit(status ?? 1);
};
run(process.execPath, ['scripts/build.mjs']);
await ensureElectronNative();
run('npx', ['electron-builder', '--publish', 'never', ...process.argv.slice(2)]);
