#!/usr/bin/env node
// `npm start`: builds and launches the desktop app. Where Electron cannot run — its binary
// missing and not downloadable, or better-sqlite3 not buildable for it — says so in one
// paragraph and starts browser mode instead, with the same arguments.
import { spawn, spawnSync } from 'node:child_process';
import { ensureElectronNative } from './electron-native.mjs';

const args = process.argv.slice(2);
const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

function electronBinary() {
  // Requiring 'electron' returns its binary's path, downloading it on first use (which needs
  // the network, and Node >= 22.12 for Electron 45's downloader).
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { encoding: 'utf8', timeout: 300_000 });
  if (probe.status === 0 && probe.stdout) return { path: probe.stdout };
  const lines = (probe.stderr || probe.error?.message || 'unknown error').split('\n').map((l) => l.trim()).filter(Boolean);
  const error = lines.find((l) => /^\w*Error:/.test(l)) ?? lines.at(-1);
  return { error: error.replace(/^\w*Error:\s*/, '') };
}

function fallBackToBrowserMode(why) {
  console.log(
    `\nTwoStep cannot start the desktop app here: ${why} ` +
      'The Electron binary is downloaded on first launch, which needs a connection to the ' +
      'internet and Node.js 22.12 or newer (this is ' + process.version + '). ' +
      'Starting browser mode instead: the same product in your default browser (`npm run web`).\n',
  );
  const child = spawn(process.execPath, ['dist/main/browser-mode.mjs', ...args], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

const binary = electronBinary();
if (!binary.path) {
  fallBackToBrowserMode(`the Electron binary is not available (${binary.error}).`);
} else {
  try {
    await ensureElectronNative();
    const child = spawn(binary.path, ['.', ...args], { stdio: 'inherit' });
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
    child.on('exit', (code) => process.exit(code ?? 0));
  } catch (error) {
    fallBackToBrowserMode(`better-sqlite3 could not be built for Electron (${error.message}).`);
  }
}
