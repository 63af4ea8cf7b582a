import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { NativeBuildTarget } from './native-binding.js';

/**
 * The store's folder from TWOSTEP_USER_DATA: resolved against the current directory once (a
 * relative value means the same folder however the app is later started) and created, because
 * Electron's app.setPath throws for a folder that does not exist (its documentation says so).
 */
export function prepareUserDataDir(raw: string): string {
  const dir = resolve(raw);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Why Chromium's sandbox is off for this run, or null. electron-builder's AppImage launcher adds
 * --no-sandbox by itself where user namespaces are unavailable (Ubuntu 23.10+ restricts them
 * through AppArmor, electron/electron#42510); TwoStep refuses to run like that rather than run
 * its windows unsandboxed without anyone noticing.
 */
export function sandboxSwitchedOff(commandLine: { hasSwitch(name: string): boolean }): string | null {
  return commandLine.hasSwitch('no-sandbox') ? '--no-sandbox' : null;
}

export const SANDBOX_REFUSAL =
  'TwoStep was started with Chromium’s sandbox switched off (--no-sandbox), and it does not run that way.\n\n' +
  'On Ubuntu 23.10 and later, AppArmor blocks the sandbox for programs it has no profile for, and the ' +
  'AppImage then switches the sandbox off. Install the .deb package instead: it installs an AppArmor ' +
  'profile for TwoStep. Or give the AppImage a profile of its own (see “Ubuntu and AppArmor” in the README).';

/** What the Electron build of better-sqlite3 must match in this process (see native-binding.ts). */
export function currentNativeTarget(): NativeBuildTarget {
  const require = createRequire(__filename);
  const { version } = require('better-sqlite3/package.json') as { version: string };
  return {
    platform: process.platform,
    arch: process.arch,
    electronVersion: process.versions.electron ?? 'none',
    betterSqlite3Version: version,
  };
}
