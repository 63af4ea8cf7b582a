// Starts a dependency's command-line tool as `node <the tool's own JS entry>`, with the Node that
// runs this script: no npx, no .cmd shim, no shell, no PATH lookup. On Windows npx is npx.cmd,
// which Node refuses to spawn without a shell (EINVAL since Node 20.12.2, CVE-2024-27980), and a
// bare `npx` is not found at all (spawn looks for .com and .exe, never .cmd); a shell would split
// a Node installed under C:\Program Files at its space. The entry is the one npm links into
// node_modules/.bin: the package's `bin` field.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

/** The installed package's folder, found as Node finds a bare import (some packages' `exports` hide package.json). */
function packageDir(packageName, root) {
  const lookup = createRequire(join(root, 'package.json')).resolve.paths(packageName) ?? [];
  const dir = lookup.map((nodeModules) => join(nodeModules, packageName)).find((candidate) => existsSync(join(candidate, 'package.json')));
  if (!dir) throw new Error(`${packageName} is not installed: run \`npm ci\` first.`);
  return dir;
}

/** [command, args] that run the tool `binName` of `packageName` with `args`. */
export function nodeTool(packageName, binName, args = [], root = projectRoot) {
  const dir = packageDir(packageName, root);
  const { bin } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const entry = typeof bin === 'string' ? bin : bin?.[binName];
  if (!entry) throw new Error(`${packageName} has no command-line tool called ${binName}.`);
  return [process.execPath, [join(dir, entry), ...args]];
}
