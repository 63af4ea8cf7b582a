/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, like the Electron files it stands in for */
// Stands in for node_modules/electron/install.js, Electron's downloader, offline. What it prints
// and writes is what the real one does (electron 45.5.0's install.js and @electron/get 5):
// progress goes to stderr (@electron/get's FetchDownloader draws a `progress` bar, whose stream
// is process.stderr); on failure it prints `err.stack` with console.error and exits 1; on success
// it extracts dist/ (the binary and dist/version) and writes path.txt, with no trailing newline.
// FAKE_DOWNLOAD picks the case: ok (default), offline, no-binary.
const { chmodSync, copyFileSync, mkdirSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { version } = require('./package.json');

const platformPath = { darwin: 'Electron.app/Contents/MacOS/Electron', win32: 'electron.exe' }[process.platform] ?? 'electron';
const fileName = `electron-v${version}-${process.platform}-${process.arch}.zip`;

if (process.env.FAKE_DOWNLOAD === 'offline') {
  // What Node's fetch throws with no network, as install.js prints it.
  console.error(new TypeError('fetch failed').stack);
  process.exit(1);
}
for (const percent of [0, 50, 100]) process.stderr.write(`Downloading ${fileName}: [${'='.repeat(percent / 10)}${' '.repeat(10 - percent / 10)}] ${percent}% ETA: 0.0 seconds \n`);
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
