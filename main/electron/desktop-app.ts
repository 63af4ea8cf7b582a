import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, type WebContents } from 'electron';
import { join } from 'node:path';
import { appContract } from '../../preload/contract/app-contract.js';
import { IPC_CHANNELS } from '../../preload/contract/bridge.js';
import { appHandlers } from '../app-api/app-handlers.js';
import { systemClock } from '../identity/clock.js';
import { IdentityService } from '../identity/identity-service.js';
import { Presenter } from '../presenter/presenter.js';
import { PresenterClock } from '../presenter/presenter-clock.js';
import { MailWindowClient } from '../mail/drawn-client/mail-window-client.js';
import { withMailEvents } from '../mail/mail-events.js';
import { startDesktopMailServers } from '../mail/desktop-mail.js';
import type { MailServers } from '../mail/mail-servers.js';
import { startAccountSite, type RunningServer } from '../server/account-site-server.js';
import { limitsForThisProcess } from '../net/listener-budget.js';
import { appProtocolHandler } from './app-protocol.js';
import { applicationMenuTemplate } from './application-menu.js';
import { vettedOpenExternal } from './external-links.js';
import { ownWindowsOnly, registerContract } from './ipc-bridge.js';
import { chooseNativeBinding } from './native-binding.js';
import { denyAllPermissions } from './permissions.js';
import { currentNativeTarget, prepareUserDataDir, SANDBOX_REFUSAL, sandboxSwitchedOff } from './startup-checks.js';
import { APP_SCHEME, type WindowKind } from './window-catalog.js';
import { createAppWindow, isOwnPage } from './window-factory.js';

export interface DesktopPaths {
  /** The project (or the packaged app) root: holds dist/. */
  appRoot: string;
}

export interface DesktopApp {
  service: IdentityService;
  site: RunningServer;
  mail: MailServers;
  open(kind: WindowKind): BrowserWindow;
  windows: Map<WindowKind, BrowserWindow>;
  quit(): Promise<void>;
}

/** How long quitting waits for the servers and the store to close. */
export const QUIT_DEADLINE_MS = 5_000;

/** `work`, or a rejection once `ms` have passed without it settling. */
function withDeadline(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still not done after ${ms / 1000} s; quitting anyway`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

// app:// is a standard, secure scheme: pages loaded from it get an origin of their own.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

/**
 * The desktop app: one instance; the identity service and the account site start in main;
 * the control center opens first and opens the other windows; every window is made by the
 * one window factory and reaches main only through the checked IPC contract.
 */
export async function startDesktopApp(paths: DesktopPaths): Promise<DesktopApp | null> {
  // Tests (and anyone who wants a separate store) can point the app elsewhere.
  if (process.env.TWOSTEP_USER_DATA) app.setPath('userData', prepareUserDataDir(process.env.TWOSTEP_USER_DATA));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  await app.whenReady();
  // Checked after 'ready': on Linux an error box shown earlier only reaches stderr.
  if (sandboxSwitchedOff(app.commandLine)) return refuseToStart('TwoStep needs its sandbox', SANDBOX_REFUSAL);
  const native = chooseNativeBinding({ appRoot: paths.appRoot, resourcesPath: process.resourcesPath, isPackaged: app.isPackaged }, currentNativeTarget());
  if ('missing' in native) {
    return refuseToStart('TwoStep cannot open its store', `The SQLite library built for this Electron is missing:\n${native.missing}\n\n${native.fix}`);
  }

  const staticRoot = join(paths.appRoot, 'dist', 'renderer');
  const preloadPath = join(paths.appRoot, 'dist', 'preload', 'index.cjs');
  const lang = app.getLocale().toLowerCase().startsWith('ja') ? 'ja' : 'en';
  // One language for the windows and the account site, and a clock the presenter can skip ahead.
  const presenter = new Presenter(new PresenterClock(systemClock), lang);
  // Chromium raised the descriptor limit only to 8,192; raised to the hard limit where it can be,
  // and every listener's caps fitted to it (main/net/listener-budget.ts).
  const { limits } = limitsForThisProcess();
  const service = await IdentityService.open({ path: join(app.getPath('userData'), 'twostep.sqlite'), nativeBinding: native.found, clock: presenter.clock });
  const site = await startAccountSite({ service, staticRoot, port: 0, presenter, limits: limits.accountSite });
  const mail = await startDesktopMailServers(service, app.getPath('userData'), { imap: limits.imap, imaps: limits.imaps, smtp: limits.smtp, smtps: limits.smtps });
  const mailWindow = new MailWindowClient(() => mail.imapPort);

  protocol.handle(APP_SCHEME, appProtocolHandler(staticRoot));
  denyAllPermissions(session.defaultSession);

  const windows = new Map<WindowKind, BrowserWindow>();
  const open = (kind: WindowKind): BrowserWindow => {
    const existing = windows.get(kind);
    if (existing && !existing.isDestroyed()) {
      existing.show();
      existing.focus();
      return existing;
    }
    const window = createAppWindow(kind, { BrowserWindow, preloadPath });
    windows.set(kind, window);
    window.on('closed', () => windows.delete(kind));
    return window;
  };
  const isOwn = (contents: WebContents) => [...windows.values()].some((w) => !w.isDestroyed() && w.webContents === contents);

  // The one use of shell.openExternal, and it is vetted: only the account site's own origin passes.
  const openInBrowser = vettedOpenExternal((url) => shell.openExternal(url), () => site.origin); // eng-disable OPEN_EXTERNAL_JS_CHECK
  registerContract(
    ipcMain,
    appContract,
    appHandlers(
      service,
      { kind: 'desktop', accountSiteOrigin: () => site.origin, openInBrowser, openWindow: (kind) => void open(kind) },
      presenter,
      { servers: mail, window: mailWindow },
    ),
    ownWindowsOnly(isOwn),
  );

  // Pushed events: codes only to the trusted iPhone's window; everything else to every window.
  withMailEvents(service, { servers: mail, window: mailWindow }).subscribe((event) => {
    if (event.type === 'code-delivered') {
      const iphone = windows.get('iphone');
      if (iphone && !iphone.isDestroyed()) iphone.webContents.send(IPC_CHANNELS.deviceNotification, event.notification);
      return;
    }
    for (const window of windows.values()) {
      if (!window.isDestroyed()) window.webContents.send(IPC_CHANNELS.serviceEvent, event);
    }
  });

  presenter.subscribe((state) => {
    for (const window of windows.values()) {
      if (!window.isDestroyed()) window.webContents.send(IPC_CHANNELS.presenter, state);
    }
  });

  // Belt and braces for any web contents at all (devtools aside): no navigation away, no popups.
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (navigation) => {
      if (!isOwnPage(navigation.url)) navigation.preventDefault();
    });
  });

  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate(open, process.platform === 'darwin')));
  app.on('second-instance', () => open('control'));
  app.on('activate', () => {
    if (windows.size === 0) open('control');
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let stopped = false;
  // Closes the servers and the store once. The store is closed even when a server fails to close.
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    try {
      await mailWindow.close();
      await Promise.all([site.close(), mail.close()]);
    } finally {
      service.close();
    }
  };
  app.on('will-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    // Quitting never hangs: a failure to stop is logged, and a stop that takes too long is not
    // waited for (every change is committed when it is made, so nothing confirmed is lost).
    void withDeadline(stop(), QUIT_DEADLINE_MS)
      .catch((error: unknown) => console.error('TwoStep: stopping the servers failed:', error instanceof Error ? error.message : error))
      .finally(() => app.quit());
  });

  open('control');
  return {
    service,
    site,
    mail,
    open,
    windows,
    quit: async () => {
      await stop();
      app.quit();
    },
  };
}

/**
 * Says why the app cannot start, in a dialog (a user who launched it from a menu sees no
 * terminal) and on stderr (npm start reads it), and exits with a failure.
 */
function refuseToStart(title: string, message: string): null {
  console.error(`${title}: ${message}`);
  dialog.showErrorBox(title, message);
  app.exit(1);
  return null;
}
