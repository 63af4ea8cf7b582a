#!/usr/bin/env node
// Builds what browser mode (and later the desktop app) runs: the pages with Vite into
// dist/renderer, and the Node side with esbuild into dist/main. Dependencies stay external
// (installed in node_modules); better-sqlite3 is native and must never be bundled.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const only = process.argv.includes('--main-only') ? 'main' : process.argv.includes('--renderer-only') ? 'renderer' : 'all';

if (only !== 'main') {
  await viteBuild({ configFile: 'vite.config.mts', logLevel: 'warn' });
}
if (only !== 'renderer') {
  const node = { bundle: true, platform: 'node', sourcemap: true, logLevel: 'warning' };
  await Promise.all([
    // Browser mode: plain Node (22.13 or newer, package.json's engines).
    esbuild({
      ...node,
      entryPoints: { 'browser-mode': 'main/web/browser-mode.ts' },
      outdir: 'dist/main',
      outExtension: { '.js': '.mjs' },
      target: 'node22',
      format: 'esm',
      packages: 'external',
    }),
    // The desktop app's main process (CommonJS, as package.json's "main" says).
    esbuild({
      ...node,
      entryPoints: { electron: 'main/electron/main.ts' },
      outdir: 'dist/main',
      outExtension: { '.js': '.cjs' },
      target: 'node22',
      format: 'cjs',
      packages: 'external',
    }),
    // The preload runs sandboxed: it may require only 'electron', so everything else is bundled in.
    esbuild({
      ...node,
      entryPoints: { index: 'preload/index.ts' },
      outdir: 'dist/preload',
      outExtension: { '.js': '.cjs' },
      target: 'chrome140',
      format: 'cjs',
      external: ['electron'],
    }),
  ]);
}
console.log(`built ${only === 'all' ? 'dist/renderer and dist/main' : `dist/${only}`}`);
