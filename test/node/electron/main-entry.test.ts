import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).fakeElectron);
// The entry's job is only to hand any failure of the start to the user; the start itself fails here.
const startDesktopApp = vi.hoisted(() => vi.fn<() => Promise<null>>());
vi.mock('../../../main/electron/desktop-app.js', () => ({ startDesktopApp }));

/** main/electron/main.ts, the desktop app's entry (dist/main/electron.cjs), with Electron mocked. */
afterEach(() => {
  vi.restoreAllMocks();
  vi.resetModules();
  fakeElectron.dialog.showErrorBox.mockClear();
  fakeElectron.app.exit.mockClear();
});

describe('the desktop app’s entry', () => {
  it('shows any failure to start in an error box with its cause, after ready, and exits with 1', async () => {
    const logged: unknown[][] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args));
    let ready!: () => void;
    vi.spyOn(fakeElectron.app, 'whenReady').mockReturnValue(new Promise<void>((resolve) => (ready = resolve)));
    startDesktopApp.mockRejectedValue(new Error('SQLITE_CANTOPEN: unable to open database file'));

    await import('../../../main/electron/main.js');
    await vi.waitFor(() => expect(logged).toHaveLength(1));
    expect(logged[0]!.join(' ')).toBe('TwoStep could not start: SQLITE_CANTOPEN: unable to open database file');
    // Not before 'ready': Electron on Linux would print the box to stderr only.
    expect(fakeElectron.dialog.showErrorBox).not.toHaveBeenCalled();
    expect(fakeElectron.app.exit).not.toHaveBeenCalled();

    ready();
    await vi.waitFor(() => expect(fakeElectron.app.exit).toHaveBeenCalledWith(1));
    expect(fakeElectron.dialog.showErrorBox).toHaveBeenCalledWith('TwoStep could not start', 'SQLITE_CANTOPEN: unable to open database file\n\nTwoStep will quit.');
  });

  it('exits with 1, saying so on stderr, even when the error box itself fails', async () => {
    const logged: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args.join(' ')));
    fakeElectron.dialog.showErrorBox.mockImplementationOnce(() => {
      throw new Error('no display');
    });
    startDesktopApp.mockRejectedValue(new Error('boom'));
    await import('../../../main/electron/main.js');
    await vi.waitFor(() => expect(fakeElectron.app.exit).toHaveBeenCalledWith(1));
    expect(logged).toEqual(['TwoStep could not start: boom', 'TwoStep could not show why in a dialog either: no display']);
  });
});
