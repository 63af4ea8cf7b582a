import { spawnSync } from 'node:child_process';
import { beforeEach } from 'vitest';

/**
 * Real mail clients (curl, python3, swaks, mbsync, …) are programs of the machine, not npm
 * packages. Where one is missing, the tests that drive it skip, and the skip names the program
 * and how to install it. On CI they must run: `.ci/run` installs every client and sets
 * TWOSTEP_REQUIRE_REAL_CLIENTS, and there a missing client fails its tests instead.
 */
export const REQUIRE_REAL_CLIENTS = 'TWOSTEP_REQUIRE_REAL_CLIENTS';

const found = new Map<string, boolean>();

/** The few clients that do not take `--version` (each exits 1 on it): their own flag. */
const VERSION_FLAG: Readonly<Record<string, string>> = { aerc: '-v', tmux: '-V' };

/** Whether `program` runs here: started once, as the tests start it, with its version flag. */
export function realClientRuns(program: string): boolean {
  if (!found.has(program)) {
    const run = spawnSync(program, [VERSION_FLAG[program] ?? '--version'], { stdio: 'ignore', timeout: 15_000 });
    found.set(program, !run.error && run.status === 0);
  }
  return found.get(program)!;
}

/** How to install a package here: apt on Debian and Ubuntu, Homebrew on macOS. */
function installHint(packageName: string): string {
  if (process.platform === 'darwin') return `brew install ${packageName}`;
  if (process.platform === 'win32') return 'the desktop workflow does not install it on Windows';
  return `apt-get install ${packageName}`;
}

/**
 * Call at the top of a describe block whose tests drive `program`: each of them skips with the
 * reason where it is missing, or fails where TWOSTEP_REQUIRE_REAL_CLIENTS is set. `packageName`
 * is the package that installs it, where it is not named after the program (mbsync: isync).
 */
export function needsRealClient(program: string, packageName = program): void {
  const install = installHint(packageName);
  beforeEach((context) => {
    if (realClientRuns(program)) return;
    if (process.env[REQUIRE_REAL_CLIENTS]) {
      throw new Error(`${program} is not installed, and ${REQUIRE_REAL_CLIENTS} is set (CI installs every real client), so this test fails rather than skips. Install it: ${install}.`);
    }
    context.skip(`${program} is not installed here (${install})`);
  });
}
