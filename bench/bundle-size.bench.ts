import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { round } from './stats.js';

const ROOT = 'dist/renderer';

/** The JavaScript each built page loads (its entry and every module it preloads), gzip-compressed. */
export function bundleSizes() {
  const pages: Record<string, { files: number; gzipKb: number }> = {};
  for (const page of readdirSync(ROOT)) {
    const html = join(ROOT, page, 'index.html');
    if (!existsSync(html)) continue;
    const text = readFileSync(html, 'utf8');
    const scripts = [...text.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    const unique = [...new Set(scripts)];
    const bytes = unique.reduce((sum, file) => sum + gzipSync(readFileSync(join(ROOT, file))).length, 0);
    pages[page] = { files: unique.length, gzipKb: round(bytes / 1024, 1) };
  }
  const largest = Math.max(...Object.values(pages).map((p) => p.gzipKb));
  return { pages, goal: 'each page under 150 KB of gzip-compressed JavaScript', met: largest < 150 };
}
