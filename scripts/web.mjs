#!/usr/bin/env node
// `npm run web`: builds, then runs browser mode with the given options (see --help). The usage
// lives in browser mode itself, so --help builds only the Node side (a second or two, and only
// once on a fresh clone) instead of the pages.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const browserMode = join(root, 'dist', 'main', 'browser-mode.mjs');
const args = process.argv.slice(2);
const helpOnly = args.includes('--help');
if (!helpOnly || !existsSync(browserMode)) {
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), ...(helpOnly ? ['--main-only'] : [])], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const child = spawn(process.execPath, [browserMode, ...args], { stdio: 'inherit' });
// Ctrl-C reaches the child through the terminal; a plain kill of this process is passed on.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
