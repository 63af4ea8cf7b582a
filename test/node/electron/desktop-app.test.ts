import type { IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../../preload/contract/bridge.js';
import type { Result } from '../../../preload/contract/error-codes.js';
import type { DesktopApp } from '../../../main/electron/desktop-app.js';
import { WINDOW_KINDS } from '../../../main/electron/window-catalog.js';
import { makeAppRoot } from './app-root.js';
import { fakeElectron, FakeBrowserWindow, type FakeWebContents } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).fakeElectron);

let desktop: DesktopApp;

beforeAll(async () => {
  const { startDesktopApp } = await import('../../../main/electron/desktop-app.js');
  desktop = (await startDesktopApp({ appRoot: makeAppRoot() }))!;
  for (const kind of WINDOW_KINDS) desktop.open(kind);
});

afterAll(async () => {
  await desktop.quit();
});

beforeEach(() => {
  fakeElectron.shell.openExternal.mockClear();
});

const windowOf = (kind: string) => desktop.windows.get(kind as never) as unknown as FakeBrowserWindow;

/** An IPC call as it arrives from a window's main frame (or from anything else). */
function invoke(sender: FakeWebContents, method: unknown, input: unknown, frameUrl = sender.mainFrame.url): Promise<Result<unknown>> {
  const handler = fakeElectron.ipcMain.handlers.get(IPC_CHANNELS.invoke)!;
  const frame = frameUrl === sender.mainFrame.url ? sender.mainFrame : { url: frameUrl };
  const event = { sender, senderFrame: frame } as unknown as IpcMainInvokeEvent;
  return handler(event, method, input) as Promise<Result<unknown>>;
}

describe('the desktop app booted with Electron mocked', () => {
  it('makes every window with the secure defaults and its own page from app://', () => {
    expect(FakeBrowserWindow.all).toHaveLength(WINDOW_KINDS.length);
    for (const kind of WINDOW_KINDS) {
      const window = windowOf(kind);
      const prefs = window.options.webPreferences as Record<string, unknown>;
      expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
      expect(String(prefs.preload)).toMatch(/dist[\\/]preload[\\/]index\.cjs$/);
      expect(window.loadedUrl).toBe(`app://twostep/${kind === 'iphone' ? 'device' : kind}/index.html`);
    }
    expect(windowOf('messages').options.title).toBe('Messages');
    expect(windowOf('iphone').options.title).toBe("Taro's iPhone");
  });

  it('denies every permission request and check', () => {
    const session = fakeElectron.session.defaultSession;
    const granted = vi.fn();
    (session.permissionRequestHandler as (c: unknown, p: string, cb: (ok: boolean) => void) => void)(null, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect((session.permissionCheckHandler as () => boolean)()).toBe(false);
  });

  // Electron 45 passes the URL on the event (details.url); the positional url is deprecated.
  const navigation = (url: string) => ({ url, preventDefault: vi.fn() });

  it('cancels navigation and redirects to another origin and denies window.open', () => {
    const contents = windowOf('messages').webContents;
    for (const event of ['will-navigate', 'will-redirect']) {
      const away = navigation('https://evil.example/');
      contents.emit(event, away);
      expect(away.preventDefault).toHaveBeenCalled();
      const fileUrl = navigation('file:///etc/passwd');
      contents.emit(event, fileUrl);
      expect(fileUrl.preventDefault).toHaveBeenCalled();
      const own = navigation('app://twostep/messages/index.html');
      contents.emit(event, own);
      expect(own.preventDefault).not.toHaveBeenCalled();
    }
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('judges a navigation by event.url, not by the deprecated positional url', () => {
    const contents = windowOf('messages').webContents;
    const away = navigation('https://evil.example/');
    contents.emit('will-navigate', away, 'app://twostep/messages/index.html');
    expect(away.preventDefault).toHaveBeenCalled();
    const own = navigation('app://twostep/messages/index.html');
    contents.emit('will-redirect', own, 'https://evil.example/');
    expect(own.preventDefault).not.toHaveBeenCalled();
  });

  it('refuses an IPC call from an unknown sender, and from a sub-frame or another page of a known window', async () => {
    const stranger = new (FakeBrowserWindow as unknown as new (o: object) => FakeBrowserWindow)({}).webContents;
    stranger.mainFrame.url = 'app://twostep/messages/index.html';
    const before = desktop.service.activity().length;
    const refused = await invoke(stranger, 'clientSignIn', { clientKind: 'messages', appleId: 'demo@twostep.example', password: 'x' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    const messages = windowOf('messages').webContents;
    expect(await invoke(messages, 'clientSessions', {}, 'app://twostep/messages/index.html#frame')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    messages.mainFrame.url = 'https://evil.example/';
    expect(await invoke(messages, 'clientSessions', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    messages.mainFrame.url = 'app://twostep/messages/index.html';
    expect(desktop.service.activity()).toHaveLength(before);
  });

  it('refuses bad arguments and unknown methods with an error value, changing nothing', async () => {
    const messages = windowOf('messages').webContents;
    const before = desktop.service.activity().length;
    expect(await invoke(messages, 'clientSignIn', { clientKind: 'toaster', appleId: 'demo@twostep.example', password: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await invoke(messages, 'clientSignIn', { clientKind: 'messages', appleId: 'demo@twostep.example', password: 'x', admin: true })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await invoke(messages, 'runScenario', 'software-update')).toMatchObject({ ok: false });
    expect(await invoke(messages, 'constructor', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await invoke(messages, '__proto__', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(desktop.service.activity()).toHaveLength(before);
  });

  it('answers a real call: Messages refuses the normal password with the app-specific password sheet', async () => {
    const result = await invoke(windowOf('messages').webContents, 'clientSignIn', {
      clientKind: 'messages',
      appleId: 'demo@twostep.example',
      password: 'Twostep-Demo-2015',
    });
    expect(result).toEqual({ ok: true, value: { status: 'APP_SPECIFIC_PASSWORD_REQUIRED', prefillLabel: 'iMessage and FaceTime', createShortcut: true } });
  });

  it('Create opens the default browser exactly once, at the account site with the label', async () => {
    const result = await invoke(windowOf('messages').webContents, 'openAccountSite', { label: 'iMessage and FaceTime', lang: 'en' });
    const expected = `${desktop.site.origin}/account/app-passwords/new?label=iMessage+and+FaceTime&lang=en`;
    expect(result).toEqual({ ok: true, value: { url: expected, opened: true } });
    expect(fakeElectron.shell.openExternal).toHaveBeenCalledTimes(1);
    expect(fakeElectron.shell.openExternal).toHaveBeenCalledWith(expected);
  });

  it('sends codes to the iPhone window only, and other events to every window', async () => {
    const started = await desktop.service.signInAccountSite({ appleId: 'demo@twostep.example', password: 'Twostep-Demo-2015' });
    if (started.status !== 'VERIFICATION_REQUIRED') throw new Error('expected a verification');
    desktop.service.sendAccountSiteCode({ verificationId: started.verificationId, deviceId: started.devices[0]!.id });
    const code = desktop.service.deviceNotifications()[0]!.code;
    const codesSeen = (kind: string) =>
      windowOf(kind).webContents.sent.filter((m) => m.channel === IPC_CHANNELS.deviceNotification && JSON.stringify(m.payload).includes(code));
    expect(codesSeen('iphone')).toHaveLength(1);
    for (const kind of ['control', 'messages', 'facetime', 'icloud', 'mail']) {
      expect(codesSeen(kind)).toHaveLength(0);
      expect(JSON.stringify(windowOf(kind).webContents.sent)).not.toContain(`"code":"${code}"`);
      expect(windowOf(kind).webContents.sent.some((m) => m.channel === IPC_CHANNELS.serviceEvent)).toBe(true);
    }
  });

  it('one language and the presenter clock for every window: a change made in one reaches all of them', async () => {
    const chosen = await invoke(windowOf('messages').webContents, 'setLanguage', { lang: 'ja' });
    expect(chosen).toMatchObject({ ok: true, value: { lang: 'ja' } });
    const skipped = await invoke(windowOf('control').webContents, 'skipClock', { minutes: 10 });
    expect(skipped).toMatchObject({ ok: true, value: { skippedMs: 600_000 } });
    for (const kind of WINDOW_KINDS) {
      const states = windowOf(kind).webContents.sent.filter((m) => m.channel === IPC_CHANNELS.presenter).map((m) => m.payload);
      expect(states, kind).toEqual([expect.objectContaining({ lang: 'ja', skippedMs: 0 }), expect.objectContaining({ lang: 'ja', skippedMs: 600_000 })]);
    }
    await invoke(windowOf('control').webContents, 'resetDemo', {});
    expect(await invoke(windowOf('control').webContents, 'presenter', {})).toMatchObject({ ok: true, value: { skippedMs: 0, run: 1 } });
  });
});

describe('the mail servers in the desktop app', () => {
  it('start with it on 127.0.0.1, and the control center reads their settings over IPC', async () => {
    const answer = await invoke(windowOf('control').webContents, 'mailServers', {});
    expect(answer).toMatchObject({ ok: true, value: { imap: { host: '127.0.0.1' }, smtp: { host: '127.0.0.1' }, settings: { profile: 'icloud' } } });
    const value = (answer as { value: { imap: { port: number }; smtp: { port: number } } }).value;
    expect(value.imap.port).toBe(desktop.mail.imapPort);
    expect(value.smtp.port).toBe(desktop.mail.smtpPort);
    const refused = await invoke(windowOf('control').webContents, 'setMailSettings', { profile: 'hotmail' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(desktop.mail.settings().profile).toBe('icloud');
  });
});
