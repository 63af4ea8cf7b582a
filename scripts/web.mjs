#!/usr/bin/env node
// `npm run web`: builds, then runs browser mode with the given options (see --help).
import { spawn, spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
if (!args.includes('--help')) {
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const child = spawn(process.execPath, ['dist/main/browser-mode.mjs', ...args], { stdio: 'inherit' });
// Ctrl-C reaches the child through the terminal; a plain kill of this process is passed on.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
