import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseNativeBinding, nativeBuildKey } from '../../../main/electron/native-binding.js';
import { nativeModuleTargetOf } from '../../../scripts/native-arch.mjs';
import { betterSqlite3Version, electronVersion } from './fake-project.js';
import { nativeHeader } from './native-header.mjs';

/**
 * `npm run dist -- --universal` on a Mac: electron-builder packs an x64 and an arm64 app, then
 * @electron/universal (its makeUniversalApp, which app-builder-lib's macPackager calls with
 * electron-builder.yml's mac.x64ArchFiles) merges them. Here the real makeUniversalApp merges two
 * halves laid out as electron-builder leaves them (the app's binary, Info.plist, app.asar with
 * dist/native unpacked beside it, holding both archs' better-sqlite3, as dist.mjs ships them).
 * It refuses to run off macOS, so it runs in a child process told it is on macOS; lipo is a
 * fake (fake-lipo.mjs) and `file`, which it asks what each file is, is the real one.
 */
const repoRoot = join(import.meta.dirname, '..', '..', '..');
const require = createRequire(join(repoRoot, 'package.json'));
const universalEntry = join(dirname(require.resolve('@electron/universal/package.json')), 'dist', 'cjs', 'index.js');
const hasFile = spawnSync('file', ['--version']).status === 0;
const INFO_PLIST = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0"><dict><key>CFBundleExecutable</key><string>TwoStep</string><key>CFBundleIdentifier</key><string>example.twostep.desktop</string></dict></plist>
`;
const key = (arch: string) => nativeBuildKey({ platform: 'darwin', arch, electronVersion, betterSqlite3Version });

async function half(root: string, arch: 'x64' | 'arm64') {
  const { createPackageWithOptions } = await import('@electron/asar');
  const app = join(root, `mac-${arch}`, 'TwoStep.app');
  const contents = join(app, 'Contents');
  mkdirSync(join(contents, 'MacOS'), { recursive: true });
  writeFileSync(join(contents, 'Info.plist'), INFO_PLIST);
  writeFileSync(join(contents, 'MacOS', 'TwoStep'), Buffer.concat([nativeHeader('darwin', arch), Buffer.from(`Electron ${arch}`)]));
  const source = join(root, `app-${arch}`);
  mkdirSync(join(source, 'dist', 'main'), { recursive: true });
  writeFileSync(join(source, 'package.json'), JSON.stringify({ name: 'twostep', version: '0.1.0', main: 'dist/main/electron.cjs' }));
  writeFileSync(join(source, 'dist', 'main', 'electron.cjs'), '// main\n');
  for (const built of ['x64', 'arm64'] as const) {
    const dir = join(source, 'dist', 'native', key(built));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'better_sqlite3.node'), Buffer.concat([nativeHeader('darwin', built), Buffer.from('better-sqlite3')]));
  }
  await createPackageWithOptions(source, join(contents, 'Resources', 'app.asar'), { unpack: '**/dist/native/**' });
  return app;
}

async function makeUniversal(x64ArchFiles: string | undefined) {
  const root = mkdtempSync(join(tmpdir(), 'twostep-universal-'));
  const [x64AppPath, arm64AppPath] = [await half(root, 'x64'), await half(root, 'arm64')];
  const outAppPath = join(root, 'mac-universal', 'TwoStep.app');
  const bin = join(root, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'lipo'), `#!/bin/sh\nexec '${process.execPath}' '${join(import.meta.dirname, 'fake-lipo.mjs')}' "$@"\n`);
  chmodSync(join(bin, 'lipo'), 0o755);
  const script = `
    Object.defineProperty(process, 'platform', { value: 'darwin' });
    require(${JSON.stringify(universalEntry)})
      .makeUniversalApp(${JSON.stringify({ x64AppPath, arm64AppPath, outAppPath, force: true, mergeASARs: true, x64ArchFiles })})
      .then(() => console.log('merged'), (error) => console.log('refused: ' + error.message));`;
  const run = spawnSync(process.execPath, ['-e', script], { env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH}` }, encoding: 'utf8', timeout: 60_000 });
  return { outcome: run.stdout.trim(), outAppPath };
}

const configuredX64ArchFiles = async () => {
  const { getConfig } = require('app-builder-lib/out/util/config/config') as { getConfig: (dir: string, path: null, extra: null) => Promise<{ mac?: { x64ArchFiles?: string } }> };
  return (await getConfig(repoRoot, null, null)).mac?.x64ArchFiles;
};

describe.skipIf(process.platform === 'win32' || !hasFile)('a universal macOS app (needs `file` and a POSIX shell)', () => {
  it('merges, with electron-builder.yml’s x64ArchFiles: one app whose binary runs on both archs, each finding its own better-sqlite3', async () => {
    const { outcome, outAppPath } = await makeUniversal(await configuredX64ArchFiles());
    expect(outcome).toBe('merged');
    expect(nativeModuleTargetOf(join(outAppPath, 'Contents', 'MacOS', 'TwoStep'))).toEqual({ platform: 'darwin', archs: ['x64', 'arm64'] });
    const resources = join(outAppPath, 'Contents', 'Resources');
    for (const arch of ['x64', 'arm64']) {
      const choice = chooseNativeBinding({ appRoot: join(resources, 'app.asar'), resourcesPath: resources, isPackaged: true }, { platform: 'darwin', arch, electronVersion, betterSqlite3Version });
      expect(choice).toEqual({ found: join(resources, 'app.asar.unpacked', 'dist', 'native', key(arch), 'better_sqlite3.node') });
      expect(nativeModuleTargetOf((choice as { found: string }).found)).toEqual({ platform: 'darwin', archs: [arch] });
    }
    expect(readFileSync(join(outAppPath, 'Contents', 'Info.plist'), 'utf8')).toContain('ElectronAsarIntegrity');
  });

  it('is refused without it: both halves carry the same better-sqlite3 builds (the check can fail)', async () => {
    const { outcome, outAppPath } = await makeUniversal(undefined);
    expect(outcome).toMatch(/^refused: Detected file "Contents\/Resources\/app\.asar\.unpacked\/dist\/native\/darwin-(x64|arm64)-.*better_sqlite3\.node" that's the same in both x64 and arm64 builds and not covered by the x64ArchFiles rule/);
    expect(existsSync(outAppPath)).toBe(false);
  });

  it('the fake lipo writes what `file` calls a universal binary', () => {
    const dir = mkdtempSync(join(tmpdir(), 'twostep-lipo-'));
    writeFileSync(join(dir, 'x64'), nativeHeader('darwin', 'x64'));
    writeFileSync(join(dir, 'arm64'), nativeHeader('darwin', 'arm64'));
    execFileSync(process.execPath, [join(import.meta.dirname, 'fake-lipo.mjs'), join(dir, 'x64'), join(dir, 'arm64'), '-create', '-output', join(dir, 'fat')]);
    expect(execFileSync('file', ['--brief', join(dir, 'fat')], { encoding: 'utf8' })).toMatch(/^Mach-O universal binary with 2 architectures: \[x86_64:.*Mach-O 64-bit x86_64 bundle\] \[.*arm64:.*Mach-O 64-bit arm64 bundle\]/s);
  });
});
