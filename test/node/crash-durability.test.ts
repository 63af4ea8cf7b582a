import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrashChildLine } from './fixtures/crash-child.js';
import { openService } from './helpers/identity.js';
import { tempStorePath } from './helpers/temp-store.js';

const root = resolve(import.meta.dirname, '../..');
const bundleDir = join(root, 'node_modules', '.tmp', `crash-child-${process.pid}-${Date.now()}`);
const bundle = join(bundleDir, 'crash-child.mjs');

beforeAll(() => {
  mkdirSync(bundleDir, { recursive: true });
  buildSync({
    entryPoints: [join(root, 'test/node/fixtures/crash-child.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3'],
    logLevel: 'silent',
  });
});

afterAll(() => {
  rmSync(bundleDir, { recursive: true, force: true });
});

/**
 * Starts the child on the store, kills it with SIGKILL once it has printed `killAfter`
 * passwords (plus a short random delay, so the kill lands anywhere in a call), and returns
 * every complete line it printed before it died.
 */
function runAndKill(path: string, round: string, killAfter: number): Promise<CrashChildLine[]> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [bundle, path, round], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let killing = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`child printed only ${out.split('\n').length - 1} lines in time; stderr: ${err}`));
    }, 15_000);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      if (!killing && out.split('\n').length - 1 >= killAfter) {
        killing = true;
        setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 15));
      }
    });
    child.stderr.on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') {
        reject(new Error(`child ended by itself (code ${code}, signal ${signal}); stderr: ${err}`));
        return;
      }
      const lines = out.split('\n');
      lines.pop(); // whatever follows the last newline is not a complete line
      resolvePromise(lines.map((line) => JSON.parse(line) as CrashChildLine));
    });
  });
}

describe('killed at any moment', () => {
  it('the store stays whole and keeps every app-specific password the child was shown', async () => {
    const path = tempStorePath();
    const printed: CrashChildLine[] = [];

    const rounds = [
      ['a', 30],
      ['b', 41],
      ['c', 67],
    ] as const;
    for (const [index, [round, killAfter]] of rounds.entries()) {
      const lines = await runAndKill(path, round, killAfter);
      expect(lines.length).toBeGreaterThanOrEqual(killAfter);
      printed.push(...lines);

      const { service } = await openService({ path, seedDemo: false });
      const db = service.database;
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);

      // Per kill, at most the one call in flight may have committed without being printed.
      const stored = (db.prepare('SELECT count(*) AS n FROM app_passwords').get() as { n: number }).n;
      expect(stored).toBeGreaterThanOrEqual(printed.length);
      expect(stored).toBeLessThanOrEqual(printed.length + index + 1);

      for (const line of printed) {
        const result = await service.signInClient({ clientKind: 'third-party', appleId: line.appleId, password: line.password });
        expect(result.status, `${line.label} no longer signs in`).toBe('SIGNED_IN');
        if (result.status === 'SIGNED_IN') expect(result.session.appPasswordLabel).toBe(line.label);
      }
      service.close();
    }
    expect(new Set(printed.map((l) => l.password)).size).toBe(printed.length);
  });
});
