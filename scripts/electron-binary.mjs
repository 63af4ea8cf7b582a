// Finds the Electron binary for `npm start`, downloading it on a first run the way Electron
// itself does (node_modules/electron/index.js: read path.txt, run install.js when the binary is
// missing). The path comes back over IPC from scripts/electron-probe.cjs, never from stdout, so
// the first run's "Downloading Electron binary..." line cannot end up in it. With
// ELECTRON_OVERRIDE_DIST_PATH set, Electron uses the unpacked Electron in that folder instead
// (index.js checks it first and never downloads), and so does this, with that Electron's version.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The installed electron package: its folder and version. */
export function electronPackage(root) {
  const manifest = createRequire(join(root, 'package.json')).resolve('electron/package.json');
  return { dir: dirname(manifest), version: JSON.parse(readFileSync(manifest, 'utf8')).version };
}

/** The binary if it is already there, decided as electron/index.js decides it (no download). */
export function installedBinary(electronDir, env = process.env) {
  const pathFile = join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : undefined;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) return join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
  if (!relative) return null;
  const binary = join(electronDir, 'dist', relative);
  return existsSync(binary) ? binary : null;
}

/** Electron 45's downloader declares Node.js >= 22.12 (electron's package.json "engines"). */
const nodeIsOldForDownloader = () => {
  const [major, minor] = process.versions.node.split('.').map(Number);
  return major < 22 || (major === 22 && minor < 12);
};

const NETWORK_ERROR = /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|getaddrinfo|socket hang up|certificate|Response code 4\d\d|Response code 5\d\d/i;

/** The downloader's own error, from what it printed: `console.error(err.stack)` in electron/install.js. */
export function downloaderError(stderr) {
  const line = stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => /^[A-Z]\w*(Error|Exception)\b.*:/.test(l) || /^Error:/.test(l));
  return line?.replace(/^[A-Z]\w*(Error|Exception)\b:\s*/, '');
}

function downloadFailure(version, probe) {
  const detail = downloaderError(probe.stderr) ?? probe.error ?? probe.spawnError ?? `the downloader ended with ${probe.signal ?? `exit code ${probe.code}`}`;
  let cause = `Electron ${version} could not be downloaded (${detail}).`;
  if (NETWORK_ERROR.test(`${probe.stderr}\n${detail}`)) {
    cause +=
      ' Its first launch downloads the binary from GitHub (or from ELECTRON_MIRROR), which needs an internet ' +
      'connection; behind a proxy set ELECTRON_GET_USE_PROXY=1 and HTTPS_PROXY.';
  }
  if (nodeIsOldForDownloader()) cause += ` Electron ${version}'s downloader supports Node.js 22.12 or newer; this is ${process.version}.`;
  if (probe.stderr.trim()) cause += ' The downloader’s own message is above.';
  return cause;
}

/**
 * Runs the probe (and so, on a first run, the download). Its stderr is passed through as it comes
 * and also kept, on a terminal too, so the cause of a failure is the downloader's own error and
 * not electron/index.js's "failed to install correctly", which follows any failure. A pipe is no
 * terminal, so @electron/get draws no progress bar: a line every `progressEveryMs` says the
 * download is still going instead.
 */
function runProbe(root, { env, log, progressEveryMs, downloading }) {
  return new Promise((resolve) => {
    const result = { stderr: '' };
    const started = Date.now();
    const progress = downloading
      ? setInterval(() => log(`…still downloading Electron (${Math.round((Date.now() - started) / 1000)} s so far).`), progressEveryMs)
      : undefined;
    const child = spawn(process.execPath, [join(root, 'scripts', 'electron-probe.cjs')], { cwd: root, env, stdio: ['ignore', 'inherit', 'pipe', 'ipc'] });
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      result.stderr = (result.stderr + chunk).slice(-65_536);
    });
    child.on('message', (message) => Object.assign(result, message));
    child.on('error', (error) => {
      result.spawnError = error.message;
    });
    child.on('close', (code, signal) => {
      clearInterval(progress);
      resolve({ ...result, code, signal });
    });
  });
}

/**
 * The Electron in ELECTRON_OVERRIDE_DIST_PATH, where electron/index.js looks for it, with the
 * version its `version` file gives (better-sqlite3 is built for that version, not the electron
 * package's); or why it cannot be used, naming the variable.
 */
function overriddenBinary(electronDir, dist, env) {
  const path = installedBinary(electronDir, env);
  const unset = 'or unset ELECTRON_OVERRIDE_DIST_PATH to use the electron package’s own Electron (downloaded on a first launch).';
  if (!existsSync(path)) {
    return { cause: `ELECTRON_OVERRIDE_DIST_PATH is set to ${dist}, but there is no Electron binary at ${path}, where Electron looks when it is set. Point it at the folder of an unpacked Electron release, ${unset}` };
  }
  const versionFile = join(dist, 'version');
  if (!existsSync(versionFile)) {
    return {
      cause: `ELECTRON_OVERRIDE_DIST_PATH is set to ${dist}, which has no \`version\` file (every Electron release has one beside the binary), so there is no telling which Electron to build better-sqlite3 for. Add it, ${unset}`,
    };
  }
  return { path, version: readFileSync(versionFile, 'utf8').trim().replace(/^v/, '') };
}

/**
 * The Electron binary's path and version, or the cause it cannot be had. On a first run this
 * downloads it (once; it stays in node_modules/electron/dist).
 */
export async function resolveElectronBinary({ root, log = console.log, env = process.env, progressEveryMs = 30_000 }) {
  const { dir, version } = electronPackage(root);
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const found = overriddenBinary(dir, override, env);
    if (found.path) log(`Using Electron ${found.version} from ELECTRON_OVERRIDE_DIST_PATH (${override}).`);
    return found;
  }
  const downloading = !installedBinary(dir, env);
  if (downloading) {
    log(
      `First launch of the desktop app: downloading Electron ${version} for ${process.platform}-${process.arch} ` +
        '(about 100 MB, once; it is kept in node_modules/electron/dist). This can take a few minutes.',
    );
  }
  const probe = await runProbe(root, { env, log, progressEveryMs, downloading });
  if (probe.path && existsSync(probe.path)) return { path: probe.path, version };
  if (probe.path) {
    return {
      cause:
        `Electron's binary is missing at ${probe.path} although its download reported success. ` +
        'Delete node_modules/electron and run `npm ci` (or `npm install`), then `npm start` again.',
    };
  }
  return { cause: downloadFailure(version, probe) };
}
