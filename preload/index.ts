import { contextBridge, ipcRenderer } from 'electron';
import { APP_METHODS } from './contract/app-methods.js';
import { IPC_CHANNELS, type TwoStepBridge } from './contract/bridge.js';
import type { Result } from './contract/error-codes.js';

/**
 * Puts exactly the windows' contract on `window.twostep`: one function per method, each
 * sending its name and input over the single invoke channel, plus three subscriptions that
 * return their unsubscribe function. The page never sees ipcRenderer. Answers arrive as
 * `Result` values; the page's client (renderer/shared/app-api.ts) unwraps them.
 */
export function buildBridge(ipc: Pick<typeof ipcRenderer, 'invoke' | 'on' | 'removeListener'>): TwoStepBridge {
  const bridge: Record<string, unknown> = {};
  for (const method of APP_METHODS) {
    bridge[method] = (input: unknown) => ipc.invoke(IPC_CHANNELS.invoke, method, input) as Promise<Result<unknown>>;
  }
  const subscribe = (channel: string) => (listener: (payload: unknown) => void) => {
    const wrapped = (_event: unknown, payload: unknown) => listener(payload);
    ipc.on(channel, wrapped);
    return () => {
      ipc.removeListener(channel, wrapped);
    };
  };
  bridge.onServiceEvent = subscribe(IPC_CHANNELS.serviceEvent);
  bridge.onDeviceNotification = subscribe(IPC_CHANNELS.deviceNotification);
  bridge.onPresenterChange = subscribe(IPC_CHANNELS.presenter);
  return bridge as TwoStepBridge;
}

contextBridge.exposeInMainWorld('twostep', buildBridge(ipcRenderer));
