import Database from 'better-sqlite3';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../main/identity/store/migrations/index.js';
import { makeAppRoot } from './app-root.js';
import { fakeElectron } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).fakeElectron);

/**
 * The desktop app failing to start for real reasons (Electron mocked), as main.ts reports it
 * (startup-failure.ts): the error box says what and where, in the user's language.
 */
const startAndReport = async () => {
  const { startDesktopApp } = await import('../../../main/electron/desktop-app.js');
  const { reportStartupFailure } = await import('../../../main/electron/startup-failure.js');
  await startDesktopApp({ appRoot: makeAppRoot() }).then(
    () => expect.fail('the app started'),
    (error: unknown) => reportStartupFailure(error),
  );
  expect(fakeElectron.app.exit).toHaveBeenCalledWith(1);
  expect(fakeElectron.dialog.showErrorBox).toHaveBeenCalledTimes(1);
  return fakeElectron.dialog.showErrorBox.mock.calls[0] as [string, string];
};

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  fakeElectron.dialog.showErrorBox.mockClear();
  fakeElectron.app.exit.mockClear();
});

function storeFromTheFuture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'twostep-newer-store-'));
  const db = new Database(join(dir, 'twostep.sqlite'));
  db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 10}`);
  db.close();
  return dir;
}

describe('a desktop app that cannot start', () => {
  it('a store written by a newer TwoStep: the box names the folder, both versions and what to do', async () => {
    const dir = storeFromTheFuture();
    vi.stubEnv('TWOSTEP_USER_DATA', dir);
    const [title, message] = await startAndReport();
    expect(title).toBe('TwoStep could not start');
    expect(message).toBe(
      `The data in ${dir} was written by a newer TwoStep (data version ${LATEST_SCHEMA_VERSION + 10}; this one reads up to ${LATEST_SCHEMA_VERSION}). ` +
        'Use a newer TwoStep, or start this one with TWOSTEP_USER_DATA set to another folder.\n\nTwoStep will quit.',
    );
  });

  it('the same, in Japanese for a Japanese system', async () => {
    vi.spyOn(fakeElectron.app, 'getLocale').mockReturnValue('ja-JP');
    const dir = storeFromTheFuture();
    vi.stubEnv('TWOSTEP_USER_DATA', dir);
    const [title, message] = await startAndReport();
    expect(title).toBe('TwoStep を起動できませんでした');
    expect(message).toContain(`${dir} のデータは新しい TwoStep で作られています`);
    expect(message.endsWith('TwoStep を終了します。')).toBe(true);
  });

  it('TWOSTEP_USER_DATA inside a file: the box gives the system’s error with the path', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'twostep-not-a-folder-')), 'notes.txt');
    writeFileSync(file, 'not a folder');
    vi.stubEnv('TWOSTEP_USER_DATA', join(file, 'data'));
    const [, message] = await startAndReport();
    // ENOTDIR on Linux and macOS; Windows names it differently, with the same path.
    expect(message).toMatch(new RegExp(`^E[A-Z]+: [^,]+, mkdir '${join(file, 'data').replaceAll('\\', '\\\\')}'`));
  });
});

describe('quitting the desktop app', () => {
  const quitOnce = async () => {
    const { startDesktopApp } = await import('../../../main/electron/desktop-app.js');
    vi.stubEnv('TWOSTEP_USER_DATA', mkdtempSync(join(tmpdir(), 'twostep-quit-')));
    const desktop = (await startDesktopApp({ appRoot: makeAppRoot() }))!;
    fakeElectron.app.quit.mockClear();
    return desktop;
  };

  it('still quits when closing a server fails, and closes the store all the same', async () => {
    const desktop = await quitOnce();
    const close = desktop.site.close.bind(desktop.site);
    desktop.site.close = () => close().then(() => Promise.reject(new Error('the account site would not close')));
    const logged: string[] = [];
    vi.mocked(console.error).mockImplementation((...args: unknown[]) => void logged.push(args.join(' ')));
    const preventDefault = vi.fn();
    fakeElectron.app.emit('will-quit', { preventDefault });

    await vi.waitFor(() => expect(fakeElectron.app.quit).toHaveBeenCalledTimes(1));
    expect(preventDefault).toHaveBeenCalled();
    expect(logged).toEqual(['TwoStep: stopping the servers failed: the account site would not close']);
    expect(desktop.service.database.open).toBe(false);
    // Quitting again goes through at once.
    const again = vi.fn();
    fakeElectron.app.emit('will-quit', { preventDefault: again });
    expect(again).not.toHaveBeenCalled();
  });

  it('still quits when closing takes too long: after 5 seconds it stops waiting', async () => {
    const desktop = await quitOnce();
    const close = desktop.mail.close.bind(desktop.mail);
    let finish!: () => void;
    desktop.mail.close = () => new Promise<void>((resolve) => (finish = resolve));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      fakeElectron.app.emit('will-quit', { preventDefault: vi.fn() });
      await vi.advanceTimersByTimeAsync(4_900);
      expect(fakeElectron.app.quit).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(200);
      expect(fakeElectron.app.quit).toHaveBeenCalledTimes(1);
      expect(console.error).toHaveBeenCalledWith('TwoStep: stopping the servers failed:', 'still not done after 5 s; quitting anyway');
    } finally {
      vi.useRealTimers();
      finish();
      await close();
    }
  });
});
