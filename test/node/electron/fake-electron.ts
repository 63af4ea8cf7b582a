import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';

/**
 * A stand-in for the `electron` module, enough for the main process to boot in plain Node:
 * it records what main asks of Electron (windows and their options, IPC handlers, menus,
 * permission handlers, external links) so tests can check it.
 */
let nextId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  readonly mainFrame = { url: '' };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload });
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl = '';
  destroyed = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.all.push(this);
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  isDestroyed() {
    return this.destroyed;
  }
  show() {}
  focus() {}
}

const appEvents = new EventEmitter();
export const userData = mkdtempSync(join(tmpdir(), 'twostep-electron-'));
const paths = new Map<string, string>([['userData', userData]]);

// Electron's main process has process.versions.electron; the app keys its native build by it.
const electronManifest = createRequire(import.meta.url).resolve('electron/package.json');
Object.defineProperty(process.versions, 'electron', {
  value: (JSON.parse(readFileSync(electronManifest, 'utf8')) as { version: string }).version,
  configurable: true,
});

/** The switches the app was started with (app.commandLine); tests set them. */
export const commandLineSwitches = new Set<string>();

export const fakeElectron = {
  app: Object.assign(appEvents, {
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    getPath: (name: string) => paths.get(name) ?? tmpdir(),
    getLocale: (): string => 'en-US',
    // As Electron documents app.setPath: a folder that does not exist is an error.
    setPath: vi.fn((name: string, path: string) => {
      if (!existsSync(path)) throw new Error(`Failed to set path: ${path} does not exist`);
      paths.set(name, path);
    }),
    quit: vi.fn(),
    exit: vi.fn(),
    isPackaged: false,
    commandLine: { hasSwitch: (name: string) => commandLineSwitches.has(name) },
  }),
  dialog: { showErrorBox: vi.fn() },
  BrowserWindow: FakeBrowserWindow,
  ipcMain: {
    handlers: new Map<string, (...args: unknown[]) => unknown>(),
    handle(channel: string, handler: (...args: unknown[]) => unknown) {
      this.handlers.set(channel, handler);
    },
  },
  shell: { openExternal: vi.fn(() => Promise.resolve()) },
  session: {
    defaultSession: {
      permissionRequestHandler: undefined as unknown,
      permissionCheckHandler: undefined as unknown,
      setPermissionRequestHandler(handler: unknown) {
        this.permissionRequestHandler = handler;
      },
      setPermissionCheckHandler(handler: unknown) {
        this.permissionCheckHandler = handler;
      },
    },
  },
  protocol: {
    privileged: [] as unknown[],
    handlers: new Map<string, unknown>(),
    registerSchemesAsPrivileged(schemes: unknown[]) {
      this.privileged.push(...schemes);
    },
    handle(scheme: string, handler: unknown) {
      this.handlers.set(scheme, handler);
    },
  },
  Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: vi.fn() },
  contextBridge: { exposed: new Map<string, unknown>(), exposeInMainWorld(key: string, api: unknown) { this.exposed.set(key, api); } },
  ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
};

export default fakeElectron;
