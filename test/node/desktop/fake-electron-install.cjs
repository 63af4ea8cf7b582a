/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, like the Electron files it stands in for */
// Stands in for node_modules/electron/install.js, Electron's downloader, offline. What it prints
// and writes is what the real one does (electron 45.5.0's install.js and @electron/get 5): on
// failure it prints `err.stack` with console.error and exits 1; on success it extracts dist/ (the
// binary and dist/version) and writes path.txt, with no trailing newline. Progress: @electron/get
// draws a `progress` bar on stderr after 30 seconds, and only when stderr is a terminal (the
// package returns early otherwise); npm start gives it a pipe, so like the real one it draws none.
// FAKE_DOWNLOAD picks the case: ok (default), offline, no-binary, or wait-for:<file> (a download
// that lasts until that file exists).
const { chmodSync, copyFileSync, existsSync, mkdirSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { version } = require('./package.json');

const platformPath = { darwin: 'Electron.app/Contents/MacOS/Electron', win32: 'electron.exe' }[process.platform] ?? 'electron';

if (process.env.FAKE_DOWNLOAD === 'offline') {
  // What Node's fetch throws with no network, as install.js prints it.
  console.error(new TypeError('fetch failed').stack);
  process.exit(1);
}
const waitFor = process.env.FAKE_DOWNLOAD?.startsWith('wait-for:') ? process.env.FAKE_DOWNLOAD.slice('wait-for:'.length) : null;
if (waitFor) while (!existsSync(waitFor)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
const dist = join(__dirname, 'dist');
mkdirSync(dist, { recursive: true });
writeFileSync(join(dist, 'version'), version);
if (process.env.FAKE_DOWNLOAD !== 'no-binary') {
  const binary = join(dist, platformPath);
  mkdirSync(dirname(binary), { recursive: true });
  if (process.platform === 'win32') copyFileSync(process.execPath, binary);
  else {
    writeFileSync(binary, `#!/bin/sh\nexec '${process.execPath}' "$@"\n`);
    chmodSync(binary, 0o755);
  }
}
writeFileSync(join(__dirname, 'path.txt'), platformPath);
