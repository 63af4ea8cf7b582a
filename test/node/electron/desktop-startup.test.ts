import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chooseNativeBinding, nativeBuildKey, type NativeBuildTarget } from '../../../main/electron/native-binding.js';
import { makeAppRoot } from './app-root.js';
import { commandLineSwitches, fakeElectron, userData } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).fakeElectron);

/** How the desktop app starts, or refuses to, before any window opens (Electron mocked). */
const startDir = process.cwd();

beforeEach(() => {
  fakeElectron.dialog.showErrorBox.mockClear();
  fakeElectron.app.exit.mockClear();
  fakeElectron.app.setPath.mockClear();
  commandLineSwitches.clear();
});

afterEach(() => {
  process.chdir(startDir);
  delete process.env.TWOSTEP_USER_DATA;
});

const start = async (appRoot: string) => (await import('../../../main/electron/desktop-app.js')).startDesktopApp({ appRoot });

describe('a missing Electron build of better-sqlite3', () => {
  it('shows a dialog with the file it looked for and the fix, and exits without opening the store', async () => {
    const appRoot = makeAppRoot({ native: false });
    expect(await start(appRoot)).toBeNull();

    expect(fakeElectron.dialog.showErrorBox).toHaveBeenCalledTimes(1);
    const [title, message] = fakeElectron.dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(title).toBe('TwoStep cannot open its store');
    expect(message).toContain(join(appRoot, 'dist', 'native'));
    expect(message).toContain('npm start');
    expect(fakeElectron.app.exit).toHaveBeenCalledWith(1);
    expect(readdirSync(userData).filter((name) => name.startsWith('twostep.sqlite'))).toEqual([]);
  });
});

describe('the sandbox', () => {
  it('refuses to run with --no-sandbox (as the AppImage launcher adds it under AppArmor), saying what to do instead', async () => {
    commandLineSwitches.add('no-sandbox');
    expect(await start(makeAppRoot())).toBeNull();

    const [title, message] = fakeElectron.dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(title).toBe('TwoStep needs its sandbox');
    expect(message).toContain('AppArmor');
    expect(message).toContain('.deb');
    expect(fakeElectron.app.exit).toHaveBeenCalledWith(1);
  });
});

describe('TWOSTEP_USER_DATA', () => {
  it('creates a folder that does not exist yet and hands Electron its absolute path; the store is made there', async () => {
    const base = mkdtempSync(join(tmpdir(), 'twostep-user-data-'));
    process.chdir(base);
    process.env.TWOSTEP_USER_DATA = join('not', 'yet', 'there');
    const desktop = await start(makeAppRoot());
    try {
      expect(desktop).not.toBeNull();
      const [name, path] = fakeElectron.app.setPath.mock.calls[0] as [string, string];
      expect(name).toBe('userData');
      expect(isAbsolute(path)).toBe(true);
      expect(path).toBe(join(base, 'not', 'yet', 'there'));
      expect(existsSync(join(path, 'twostep.sqlite'))).toBe(true);
      expect(fakeElectron.dialog.showErrorBox).not.toHaveBeenCalled();
    } finally {
      await desktop?.quit();
    }
  });
});

describe('which Electron build of better-sqlite3 is chosen', () => {
  const target: NativeBuildTarget = { platform: 'darwin', arch: 'arm64', electronVersion: '45.5.0', betterSqlite3Version: '12.6.2' };

  it('names every input of the compiled file in its key', () => {
    expect(nativeBuildKey(target)).toBe('darwin-arm64-electron-45.5.0-better-sqlite3-12.6.2');
  });

  it('unpackaged, a build for another arch or Electron is not taken for this one', () => {
    const appRoot = makeAppRoot({ native: false });
    const choice = chooseNativeBinding({ appRoot, resourcesPath: undefined, isPackaged: false }, target);
    expect(choice).toMatchObject({ missing: join(appRoot, 'dist', 'native', nativeBuildKey(target), 'better_sqlite3.node') });
  });

  it('packaged, only resources/app.asar.unpacked counts, with a fix that fits an installed app', () => {
    const resources = mkdtempSync(join(tmpdir(), 'twostep-resources-'));
    const choice = chooseNativeBinding({ appRoot: join(resources, 'app.asar'), resourcesPath: resources, isPackaged: true }, target);
    expect(choice).toMatchObject({ missing: join(resources, 'app.asar.unpacked', 'dist', 'native', nativeBuildKey(target), 'better_sqlite3.node') });
    expect((choice as { fix: string }).fix).toContain('Install TwoStep again');
  });
});
