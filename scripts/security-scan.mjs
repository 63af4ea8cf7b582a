#!/usr/bin/env node
// Runs @doyensec/electronegativity over main/ and preload/ (with the BUILT pages' HTML,
// dist/renderer/*/index.html, where Vite has written the windows' CSP meta tag; `npm test`
// builds before it scans) and fails on any finding. The tool exits 0 whatever it finds, so
// its SARIF output is read instead. Findings reviewed and accepted carry an `eng-disable`
// comment at their place in the code, with the reason beside it.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { nodeTool } from './node-tool.mjs';

const require = createRequire(import.meta.url);
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const input = join('test-results', 'electronegativity-input');
const sarif = join('test-results', 'electronegativity.sarif');

const builtPages = join('dist', 'renderer');
const pages = existsSync(builtPages) ? readdirSync(builtPages).filter((page) => existsSync(join(builtPages, page, 'index.html'))) : [];
if (pages.length === 0) {
  console.error(`security scan: no built pages in ${builtPages}/*/index.html; run \`npm run build\` first (the CSP is written into the pages at build time).`);
  process.exit(1);
}

rmSync(input, { recursive: true, force: true });
rmSync(sarif, { force: true });
mkdirSync(input, { recursive: true });
cpSync('main', join(input, 'main'), { recursive: true });
cpSync('preload', join(input, 'preload'), { recursive: true });
for (const page of pages) cpSync(join(builtPages, page, 'index.html'), join(input, 'renderer', page, 'index.html'));

// -e: the Electron version is given, so the tool need not look it up online.
const run = spawnSync(...nodeTool('@doyensec/electronegativity', 'electronegativity', ['-i', input, '-e', electronVersion, '-o', sarif, '-r']), { encoding: 'utf8' });
if (!existsSync(sarif)) {
  console.error(run.stdout, run.stderr);
  console.error('electronegativity produced no report.');
  process.exit(1);
}
const results = JSON.parse(readFileSync(sarif, 'utf8')).runs.flatMap((r) => r.results ?? []);
for (const finding of results) {
  const where = finding.locations?.[0]?.physicalLocation;
  console.log(`  ${finding.ruleId}: ${finding.message.text} (${where?.artifactLocation?.uri}:${where?.region?.startLine})`);
}
const scanned = JSON.parse(readFileSync(sarif, 'utf8')).runs.length;
console.log(`electronegativity: ${results.length} finding(s) in ${scanned} run(s) over main/, preload/ and the ${pages.length} built pages' HTML`);
process.exit(results.length === 0 ? 0 : 1);
