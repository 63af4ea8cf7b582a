import { copyFileSync, linkSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const here = dirname(new URL(import.meta.url).pathname.replace(/^\/([A-Za-z]:)/, '$1'));
const repoRoot = join(here, '..', '..', '..');

/**
 * Installs a fake of `packageName` into a throwaway project's node_modules: the real package's
 * name, version and `bin` (so the tool's entry is where the real one's is), each bin entry being
 * fake-tool.mjs.
 */
export function installFakeTool(projectRoot: string, packageName: string): void {
  const realManifest = createRequire(join(repoRoot, 'package.json')).resolve.paths(packageName)!.map((dir) => join(dir, packageName, 'package.json'))[0]!;
  const { name, version, bin } = JSON.parse(readFileSync(realManifest, 'utf8')) as { name: string; version: string; bin: string | Record<string, string> };
  const dir = join(projectRoot, 'node_modules', packageName);
  mkdirSync(dir, { recursive: true });
  // ESM, like fake-tool.mjs, whatever the entry's extension (tsc has none, vitest's is .mjs).
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version, type: 'module', bin }));
  for (const entry of typeof bin === 'string' ? [bin] : Object.values(bin)) {
    mkdirSync(dirname(join(dir, entry)), { recursive: true });
    copyFileSync(join(here, 'fake-tool.mjs'), join(dir, entry));
  }
}

/**
 * This Node, as found under a folder with a space in its name, like C:\Program Files\nodejs\node.exe
 * (a hard link, so process.execPath keeps the path it was started by; a symbolic link would resolve).
 */
export function nodeUnderProgramFiles(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'twostep-node-')), 'Program Files', 'nodejs');
  mkdirSync(dir, { recursive: true });
  const node = join(dir, process.platform === 'win32' ? 'node.exe' : 'node');
  try {
    linkSync(process.execPath, node);
  } catch {
    copyFileSync(process.execPath, node);
  }
  return node;
}

/**
 * A PATH as Windows has it after installing Node, as far as these scripts could use it: npm's
 * shims are npx.cmd and npm.cmd, and there is no `npx` (nor anything else to start).
 */
export function windowsLikePath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'twostep-path-'));
  for (const shim of ['npx', 'npm']) writeFileSync(join(dir, `${shim}.cmd`), `@ECHO off\r\nnode "%~dp0\\node_modules\\npm\\bin\\${shim}-cli.js" %*\r\n`);
  return dir;
}
