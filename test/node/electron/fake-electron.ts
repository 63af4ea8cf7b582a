import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
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

export const fakeElectron = {
  app: Object.assign(appEvents, {
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    getPath: (name: string) => (name === 'userData' ? userData : tmpdir()),
    getLocale: () => 'en-US',
    setPath: vi.fn(),
    quit: vi.fn(),
  }),
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
