import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The store holds the install's HMAC key beside the hashes it keys, so whoever can read the
 * file can test a pending 4-digit code in 10,000 tries: only its owner may. The folder is made
 * 0700 and the files 0600 — checked at every start, and mended with a warning when they are
 * wider (copied in, made under another umask, or by an older TwoStep). On Windows the modes
 * mean nothing; the user's profile folder is private there already.
 */
export const PRIVATE_FOLDER_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

export function securePrivateStore(path: string, warn: (message: string) => void): void {
  if (process.platform === 'win32') return;
  const folder = dirname(path);
  mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  tighten(folder, PRIVATE_FOLDER_MODE, warn);
  // SQLite creates the -wal and -shm files with the database file's own mode.
  if (!existsSync(path)) closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file)) tighten(file, PRIVATE_FILE_MODE, warn);
  }
}

function tighten(path: string, mode: number, warn: (message: string) => void): void {
  const current = statSync(path).mode & 0o777;
  if ((current & ~mode) === 0) return;
  chmodSync(path, mode);
  warn(`${path} could be read by other users (mode ${current.toString(8)}); it is now ${mode.toString(8)}, readable by you alone.`);
}
