import { chmodSync, renameSync, writeFileSync } from 'node:fs';
import { PRIVATE_FILE_MODE } from '../identity/store/private-files.js';

/** Writes a file readable by its owner alone, whole or not at all (a temporary file renamed). */
export function writePrivateFile(path: string, content: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, content, { mode: PRIVATE_FILE_MODE });
  chmodSync(temporary, PRIVATE_FILE_MODE);
  renameSync(temporary, path);
}
