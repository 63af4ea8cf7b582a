import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chooseNativeBinding } from '../../../main/electron/native-binding.js';
import { nativeModuleTargetOf } from '../../../scripts/native-arch.mjs';
import type * as ElectronNative from '../../../scripts/electron-native.mjs';
import { betterSqlite3Version, electronVersion, makeFakeProject, type FakeProject } from './fake-project.js';

/**
 * scripts/electron-native.mjs with @electron/rebuild stubbed at its boundary (the fake package in
 * the fake project, fake-electron-rebuild.mjs): what it asks for, where the build lands, when it
 * is reused, and that the desktop app (native-binding.ts) finds exactly what it made.
 */
let project: FakeProject;
let native: typeof ElectronNative;
const startDir = process.cwd();

beforeEach(async () => {
  project = makeFakeProject();
  process.env.FAKE_EVENTS_LOG = project.log;
  native = (await import(/* @vite-ignore */ pathToFileURL(join(project.root, 'scripts', 'electron-native.mjs')).href)) as typeof ElectronNative;
});

afterEach(() => {
  process.chdir(startDir);
  delete process.env.FAKE_EVENTS_LOG;
});

const rebuilds = () => project.events().filter((e) => e.who === 'rebuild') as unknown as { options: ElectronNative.RebuildOptions; cwd: string }[];

describe('building better-sqlite3 for Electron', () => {
  it('asks @electron/rebuild for an absolute build path inside the project, even run from another folder', async () => {
    process.chdir(mkdtempSync(join(tmpdir(), 'twostep-elsewhere-')));
    const binary = await native.ensureElectronNative({ root: project.root, log: () => {} });

    const [call] = rebuilds();
    expect(call!.options.buildPath).toSatisfy(isAbsolute);
    expect(call!.options.buildPath.startsWith(join(project.root, 'dist', 'native'))).toBe(true);
    expect(call!.options).toMatchObject({ electronVersion, platform: process.platform, arch: process.arch, onlyModules: ['better-sqlite3'], force: true });
    expect(binary).toBe(join(project.root, 'dist', 'native', `${process.platform}-${process.arch}-electron-${electronVersion}-better-sqlite3-${betterSqlite3Version}`, 'better_sqlite3.node'));
    expect(nativeModuleTargetOf(binary)).toEqual({ platform: process.platform, archs: [process.arch] });
    expect(readFileSync(binary, 'latin1').endsWith(`built for electron ${electronVersion} ${process.platform}-${process.arch}`)).toBe(true);
  });

  it('stamps the build with platform, arch, Electron version and better-sqlite3 version, and leaves the Node build alone', async () => {
    const binary = await native.ensureElectronNative({ root: project.root, log: () => {} });
    expect(JSON.parse(readFileSync(join(dirname(binary), 'build.json'), 'utf8'))).toMatchObject({
      platform: process.platform,
      arch: process.arch,
      electronVersion,
      betterSqlite3Version,
    });
    expect(readFileSync(join(project.root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), 'utf8')).toBe(
      'the Node build, which must stay as it is',
    );
    expect(readdirSync(join(project.root, 'dist', 'native')).filter((name) => name.startsWith('staging'))).toEqual([]);
  });

  it('reuses a build only for the same platform, arch, Electron and better-sqlite3', async () => {
    const host = await native.ensureElectronNative({ root: project.root, log: () => {} });
    expect(await native.ensureElectronNative({ root: project.root, log: () => {} })).toBe(host);
    expect(rebuilds()).toHaveLength(1);

    const otherArch = process.arch === 'arm64' ? 'x64' : 'arm64';
    const arm = await native.ensureElectronNative({ root: project.root, arch: otherArch, log: () => {} });
    expect(arm).not.toBe(host);
    expect(rebuilds().at(-1)!.options.arch).toBe(otherArch);

    const manifest = join(project.root, 'node_modules', 'better-sqlite3', 'package.json');
    writeFileSync(manifest, JSON.stringify({ name: 'better-sqlite3', version: '12.9.0' }));
    const upgraded = await native.ensureElectronNative({ root: project.root, log: () => {} });
    expect(upgraded).toContain('better-sqlite3-12.9.0');
    expect(rebuilds()).toHaveLength(3);
    expect(existsSync(host)).toBe(true);
  });

  it('refuses a build for another arch (a prebuilt binary for the host, say) and keeps nothing of it', async () => {
    process.env.FAKE_REBUILD = 'wrong-arch';
    try {
      await expect(native.ensureElectronNative({ root: project.root, arch: 'arm64', log: () => {} })).rejects.toThrow(
        `better-sqlite3 came out built for ${process.platform}-x64, not for ${process.platform}-arm64; it was not used.`,
      );
    } finally {
      delete process.env.FAKE_REBUILD;
    }
    expect(readdirSync(join(project.root, 'dist', 'native'))).toEqual([]);
  });

  it('accepts a build for another system only when it is for that system: a Windows build for win32-x64', async () => {
    const binary = await native.ensureElectronNative({ root: project.root, platform: 'win32', arch: 'x64', log: () => {} });
    expect(nativeModuleTargetOf(binary)).toEqual({ platform: 'win32', archs: ['x64'] });
  });

  it('leaves no half-made build behind when the build fails', async () => {
    process.env.FAKE_REBUILD = 'fail';
    try {
      await expect(native.ensureElectronNative({ root: project.root, log: () => {} })).rejects.toThrow(/node-gyp failed to rebuild/);
    } finally {
      delete process.env.FAKE_REBUILD;
    }
    expect(readdirSync(join(project.root, 'dist', 'native'))).toEqual([]);
  });
});

describe('the desktop app finds the build electron-native.mjs made', () => {
  it('unpackaged: in the project’s dist/native', async () => {
    const binary = await native.ensureElectronNative({ root: project.root, log: () => {} });
    const target = { platform: process.platform, arch: process.arch, electronVersion, betterSqlite3Version };
    expect(chooseNativeBinding({ appRoot: project.root, resourcesPath: undefined, isPackaged: false }, target)).toEqual({ found: binary });
  });

  it('packaged: in resources/app.asar.unpacked, as electron-builder.yml unpacks it', async () => {
    await native.ensureElectronNative({ root: project.root, log: () => {} });
    const resources = mkdtempSync(join(tmpdir(), 'twostep-resources-'));
    cpSync(join(project.root, 'dist', 'native'), join(resources, 'app.asar.unpacked', 'dist', 'native'), { recursive: true });
    const target = { platform: process.platform, arch: process.arch, electronVersion, betterSqlite3Version };
    const choice = chooseNativeBinding({ appRoot: join(resources, 'app.asar'), resourcesPath: resources, isPackaged: true }, target);
    expect(choice).toEqual({ found: join(resources, 'app.asar.unpacked', 'dist', 'native', native.nativeBuildKey(target), 'better_sqlite3.node') });
  });
});
