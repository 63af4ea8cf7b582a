import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

/** A fresh directory for one test's store file, removed when the test ends. */
export function tempStorePath(name = 'twostep.sqlite'): string {
  const dir = mkdtempSync(join(tmpdir(), 'twostep-test-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, name);
}
