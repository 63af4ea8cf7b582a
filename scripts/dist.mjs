#!/usr/bin/env node
// `npm run dist`: packages the desktop app for the current platform into release/ with
// electron-builder (see electron-builder.yml): build, better-sqlite3 for Electron for every arch
// being packaged, package. Arguments go to electron-builder (`npm run dist -- --arm64`).
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureElectronNative, nativeBuildKey, nativeTarget, projectRoot } from './electron-native.mjs';

const builderArgs = process.argv.slice(2);

/** The archs electron-builder will package, from its own flags; a universal macOS app holds both. */
export function packagedArchs(argv, hostArch = process.arch) {
  const archs = new Set();
  for (const arch of ['x64', 'arm64', 'ia32', 'armv7l']) if (argv.includes(`--${arch}`)) archs.add(arch);
  if (argv.includes('--universal')) {
    archs.add('x64');
    archs.add('arm64');
  }
  return archs.size ? [...archs] : [hostArch];
}

const run = (command, args) => {
  const { status } = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit', shell: process.platform === 'win32' });
  if (status !== 0) process.exit(status ?? 1);
};

run(process.execPath, [join(projectRoot, 'scripts', 'build.mjs')]);
const archs = packagedArchs(builderArgs);
for (const arch of archs) await ensureElectronNative({ arch });
// Ship exactly the builds this package needs: electron-builder.yml packs all of dist/native.
const wanted = new Set(archs.map((arch) => nativeBuildKey(nativeTarget({ arch }))));
const nativeDir = join(projectRoot, 'dist', 'native');
for (const entry of readdirSync(nativeDir)) if (!wanted.has(entry)) rmSync(join(nativeDir, entry), { recursive: true, force: true });
run('npx', ['electron-builder', '--publish', 'never', ...builderArgs]);
