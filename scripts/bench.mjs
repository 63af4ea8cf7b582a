#!/usr/bin/env node
// `npm run bench`: builds, bundles bench/run.ts with esbuild, and runs it (see bench/).
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';

const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
await build({
  entryPoints: ['bench/run.ts'],
  outfile: 'node_modules/.tmp/bench.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, ['node_modules/.tmp/bench.mjs', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
