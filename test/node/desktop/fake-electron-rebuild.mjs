// Stands in for @electron/rebuild 4.2's rebuild() (lib/rebuild.js, lib/module-rebuilder.js), the
// boundary of the native build: the same checks in the same order (a relative buildPath is
// refused with its exact message before anything else), the same result on disk (node-gyp and
// prebuild-install leave the binary in <buildPath>/node_modules/<module>/build/Release/), and the
// same shape (a promise with a `lifecycle` EventEmitter). It records what it was asked. The file
// it leaves starts as a compiled module for the platform and arch asked for does (native-header.mjs).
// FAKE_REBUILD=fail makes it fail as a compile does, with node-gyp's output in the message;
// FAKE_REBUILD=wrong-arch leaves a module for another arch, as a prebuilt binary for the host does.
import { EventEmitter } from 'node:events';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { nativeHeader } from './native-header.mjs';

export function rebuild(options) {
  appendFileSync(process.env.FAKE_EVENTS_LOG, `${JSON.stringify({ who: 'rebuild', options, cwd: process.cwd() })}\n`);
  if (typeof options.electronVersion !== 'string') throw new Error(`Expected a string version for electron version, got a "${typeof options.electronVersion}"`);
  const lifecycle = new EventEmitter();
  const done = (async () => {
    if (!isAbsolute(options.buildPath)) throw new Error('Expected buildPath to be an absolute path');
    lifecycle.emit('start');
    if (process.env.FAKE_REBUILD === 'fail') {
      throw new Error('node-gyp failed to rebuild \'/x/node_modules/better-sqlite3\'\ngyp ERR! stack Error: `make` failed with exit code: 2');
    }
    for (const name of options.onlyModules) {
      const release = join(options.buildPath, 'node_modules', name, 'build', 'Release');
      mkdirSync(release, { recursive: true });
      const platform = options.platform ?? process.platform;
      const arch = options.arch ?? process.arch;
      const madeFor = process.env.FAKE_REBUILD === 'wrong-arch' ? (arch === 'arm64' ? 'x64' : 'arm64') : arch;
      const marker = Buffer.from(`built for electron ${options.electronVersion} ${platform}-${arch}`);
      writeFileSync(join(release, 'better_sqlite3.node'), Buffer.concat([nativeHeader(platform, madeFor), marker]));
      lifecycle.emit('module-done', name);
    }
  })();
  done.lifecycle = lifecycle;
  return done;
}
