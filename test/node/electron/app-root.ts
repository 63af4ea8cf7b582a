import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { nativeBuildKey } from '../../../main/electron/native-binding.js';
import { currentNativeTarget } from '../../../main/electron/startup-checks.js';

const repoRoot = join(dirname(new URL(import.meta.url).pathname.replace(/^\/([A-Za-z]:)/, '$1')), '..', '..', '..');

/**
 * An app root as `npm start` leaves the project: the built pages and preload (linked to the
 * project's dist/), and better-sqlite3's Electron build in dist/native/<key>/. In plain Node the
 * file that loads is the Node build, so the copy is that one, under the key the app looks for.
 * With `native: false`, the Electron build is missing, as after launching Electron directly.
 */
export function makeAppRoot({ native = true } = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'twostep-app-root-'));
  mkdirSync(join(root, 'dist'));
  for (const part of ['renderer', 'preload']) symlinkSync(join(repoRoot, 'dist', part), join(root, 'dist', part), 'junction');
  if (native) {
    const target = join(root, 'dist', 'native', nativeBuildKey(currentNativeTarget()), 'better_sqlite3.node');
    mkdirSync(dirname(target), { recursive: true });
    const nodeBuild = join(dirname(createRequire(join(repoRoot, 'package.json')).resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
    copyFileSync(nodeBuild, target);
  }
  return root;
}
