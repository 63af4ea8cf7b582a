import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

/**
 * Node.js 22.13 is the floor: Node 20 ended its life in April 2026; Electron 45's downloader and
 * @electron/rebuild declare Node >= 22.12, and the prompts of the mutation-testing tool
 * (@inquirer/*) and an ESLint dependency >= 22.13. npm only warns about a package whose `engines`
 * the running Node does not satisfy (EBADENGINE), so these tests keep the floor, the locked
 * packages and the Node CI downloads in agreement.
 */
const repoRoot = join(import.meta.dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8');
const manifest = JSON.parse(read('package.json')) as { engines: { node: string }; devDependencies: Record<string, string> };
const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { engines?: { node?: string } | string[] }> };
const floor = semver.minVersion(manifest.engines.node)!.version;

/** The packages `npm ci` would print EBADENGINE for on this Node version. */
function refusing(nodeVersion: string): string[] {
  return Object.entries(lock.packages)
    .filter(([path]) => path !== '')
    .flatMap(([path, entry]) => {
      const range = !Array.isArray(entry.engines) ? entry.engines?.node : undefined;
      return range && !semver.satisfies(nodeVersion, range) ? [`${path.replace(/^.*node_modules\//, '')} (${range})`] : [];
    });
}

describe('Node.js 22.13 is the floor', () => {
  it('package.json says so', () => {
    expect(floor).toBe('22.13.0');
  });

  it('every locked package accepts the floor: npm ci there prints no EBADENGINE', () => {
    expect(refusing(floor)).toEqual([]);
  });

  it('and Node 20, which npm ci would warn about, is below it (the check can fail)', () => {
    expect(refusing('20.19.0').length).toBeGreaterThan(0);
    expect(semver.satisfies('20.20.2', manifest.engines.node)).toBe(false);
  });

  it('the Node that .ci/run downloads is a Node 22 LTS at or above the floor, pinned to one version', () => {
    const pinned = /^NODE_VERSION=(\d+\.\d+\.\d+)\b/m.exec(read('.ci/run'))?.[1];
    expect(pinned).toBeDefined();
    expect(semver.major(pinned!)).toBe(22);
    expect(semver.satisfies(pinned!, manifest.engines.node)).toBe(true);
    expect(refusing(pinned!)).toEqual([]);
  });

  it('@types/node describes the floor’s Node, not an older one', () => {
    expect(semver.minVersion(manifest.devDependencies['@types/node']!)!.major).toBe(semver.major(floor));
  });
});
