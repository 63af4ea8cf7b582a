import { spawnSync } from 'node:child_process';

/** Builds the pages and browser mode once, before any test starts a server. */
export default function globalSetup(): void {
  if (process.env.TWOSTEP_SKIP_BUILD) return;
  const { status } = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (status !== 0) throw new Error('The build failed: see its output above.');
}
