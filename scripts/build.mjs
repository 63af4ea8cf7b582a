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
  await esbuild({
    entryPoints: { 'browser-mode': 'main/web/browser-mode.ts' },
    outdir: 'dist/main',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}
console.log(`built ${only === 'all' ? 'dist/renderer and dist/main' : `dist/${only}`}`);
