#!/usr/bin/env node
// `npm run dist`: packages the desktop app for the current platform into release/ with
// electron-builder (see electron-builder.yml): build, better-sqlite3 for Electron for every arch
// being packaged, package. Arguments go to electron-builder (`npm run dist -- --arm64`).
// Every step runs with this Node and no shell (node-tool.mjs says why).
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { packagedArchs, requestedPlatforms, SYSTEM_NAMES } from './dist-targets.mjs';
import { ensureElectronNative, nativeBuildKey, nativeTarget, projectRoot } from './electron-native.mjs';
import { nodeTool } from './node-tool.mjs';

const builderArgs = process.argv.slice(2);

// better-sqlite3 is native code, compiled for the system it will run on: a package for another
// system would carry a library it cannot load (and the app would refuse to start).
const host = process.platform;
const foreign = requestedPlatforms(builderArgs).filter((platform) => platform !== host);
if (foreign.length > 0) {
  const names = foreign.map((platform) => SYSTEM_NAMES[platform]).join(' and ');
  console.error(
    `npm run dist packages TwoStep for the system it runs on (${SYSTEM_NAMES[host] ?? host}); it cannot package it for ${names} here: ` +
      `better-sqlite3 is compiled for the system it runs on. Run \`npm run dist\` on ${names} ` +
      '(the Desktop app workflow, .github/workflows/desktop.yml, builds on all three).',
  );
  process.exit(1);
}

const run = (command, args) => {
  const { status, error } = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit' });
  if (error) console.error(`Could not start ${command}: ${error.message}`);
  if (status !== 0) process.exit(status ?? 1);
};

run(process.execPath, [join(projectRoot, 'scripts', 'build.mjs')]);
const archs = packagedArchs(builderArgs);
for (const arch of archs) await ensureElectronNative({ arch });
// Ship exactly the builds this package needs: electron-builder.yml packs all of dist/native.
const wanted = new Set(archs.map((arch) => nativeBuildKey(nativeTarget({ arch }))));
const nativeDir = join(projectRoot, 'dist', 'native');
for (const entry of readdirSync(nativeDir)) if (!wanted.has(entry)) rmSync(join(nativeDir, entry), { recursive: true, force: true });
run(...nodeTool('electron-builder', 'electron-builder', ['--publish', 'never', ...builderArgs]));
