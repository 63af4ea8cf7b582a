#!/usr/bin/env node
// `npm start`: builds and launches the desktop app: the Electron binary (downloaded on a first
// run), better-sqlite3 built for that Electron (once), then Electron itself. Where any step
// fails, says which and why in one paragraph and starts browser mode instead, with the same
// arguments. TWOSTEP_SKIP_BUILD=1 skips the build (dist/ is already built).
import { spawn, spawnSync } from 'node:child_process';
import { constants } from 'node:os';
import { join } from 'node:path';
import { resolveElectronBinary } from './electron-binary.mjs';
import { launchElectron } from './electron-launch.mjs';
import { ensureElectronNative, projectRoot } from './electron-native.mjs';

const args = process.argv.slice(2);

if (!process.env.TWOSTEP_SKIP_BUILD) {
  const built = spawnSync(process.execPath, [join(projectRoot, 'scripts', 'build.mjs')], { cwd: projectRoot, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

function fallBackToBrowserMode(cause) {
  console.log(
    `\nTwoStep cannot start the desktop app here: ${cause}\n` +
      'Starting browser mode instead: the same product in your default browser (`npm run web`).\n',
  );
  const child = spawn(process.execPath, [join(projectRoot, 'dist', 'main', 'browser-mode.mjs'), ...args], { cwd: projectRoot, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    console.error(`Browser mode could not be started either: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 1)));
}

async function start() {
  const binary = await resolveElectronBinary({ root: projectRoot });
  if (!binary.path) return fallBackToBrowserMode(binary.cause);
  // Built for the Electron that will run: ELECTRON_OVERRIDE_DIST_PATH's may not be the package's.
  const electronVersion = binary.version;
  try {
    await ensureElectronNative({ root: projectRoot, electronVersion });
  } catch (error) {
    const detail = String(error?.message ?? error).split('\n').find((line) => line.trim()) ?? 'unknown error';
    return fallBackToBrowserMode(
      `better-sqlite3 could not be built for Electron ${electronVersion} (${detail}). ` +
        'It needs the internet once (a prebuilt binary, or Electron’s headers and a C++ toolchain: python3, make, g++; ' +
        'on Windows, Visual Studio’s C++ build tools). Run `node scripts/electron-native.mjs` to retry it alone.',
    );
  }
  const outcome = await launchElectron(binary.path, args, { root: projectRoot });
  if ('cause' in outcome) return fallBackToBrowserMode(outcome.cause);
  process.exit(outcome.exitCode);
}

await start();
