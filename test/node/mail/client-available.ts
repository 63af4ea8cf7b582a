import { spawnSync } from 'node:child_process';
import { beforeEach } from 'vitest';

/**
 * Whether a real mail client (a Debian package's program, not an npm package) is installed:
 * where it is missing, the tests that drive it skip, naming the program and its package.
 * `.ci/run` installs every one of them. (One function, so the shared "client available" helper
 * of the test suite can replace it in one place.)
 */
export function needsClient(program: string, packageName = program): void {
  beforeEach((context) => {
    if (installed(program)) return;
    context.skip(`${program} is not installed here (apt-get install ${packageName})`);
  });
}

const found = new Map<string, boolean>();

function installed(program: string): boolean {
  if (!found.has(program)) found.set(program, spawnSync('sh', ['-c', 'command -v "$0"', program], { stdio: 'ignore' }).status === 0);
  return found.get(program)!;
}
