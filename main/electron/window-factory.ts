import type { BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { APP_ORIGIN, pageUrl, WINDOW_SPECS, type WindowKind } from './window-catalog.js';

/**
 * The security defaults of every window, written once (SPEC §5): the page is isolated from the
 * preload, sandboxed, has no Node, keeps web security, and runs no other preload.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  };
}

export interface WindowFactoryDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindowType;
  preloadPath: string;
  /** Called for a link the page tried to open: main decides (see navigation guard). */
  onOpenRequest?: (url: string) => void;
}

/** Makes one of the app's windows: always through here, never `new BrowserWindow` elsewhere. */
export function createAppWindow(kind: WindowKind, deps: WindowFactoryDeps): BrowserWindowType {
  const spec = WINDOW_SPECS[kind];
  const window = new deps.BrowserWindow({
    title: spec.title,
    width: spec.width,
    height: spec.height,
    resizable: spec.resizable,
    minWidth: Math.min(spec.width, 480),
    minHeight: Math.min(spec.height, 360),
    show: false,
    backgroundColor: '#ececec',
    titleBarStyle: 'default',
    webPreferences: secureWebPreferences(deps.preloadPath),
  });
  lockNavigation(window);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(pageUrl(kind));
  return window;
}

/** Whether a URL is one of the app's own pages (app://twostep/...). */
export function isOwnPage(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`);
}

/**
 * A window shows only its own page: navigation away is cancelled, new windows are denied
 * (main opens windows and external links itself), and no webview can be attached.
 */
export function lockNavigation(window: BrowserWindowType): void {
  const contents = window.webContents;
  // The URL comes from the event itself: Electron deprecates the positional url argument.
  contents.on('will-navigate', (event) => {
    if (!isOwnPage(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isOwnPage(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
