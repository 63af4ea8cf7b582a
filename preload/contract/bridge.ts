import type { AppContract } from './app-contract.js';
import type { InputOf, OutputOf } from './define.js';
import type { Result } from './error-codes.js';
import type { DeviceNotification, ServiceEvent } from './models.js';
import type { PresenterState } from './presenter.js';

/**
 * What the desktop app's preload puts on `window.twostep` through contextBridge: exactly one
 * async function per method of the windows' contract (answering a `Result`, which the page's
 * client unwraps), and three subscriptions that return their unsubscribe function. Nothing
 * else: no ipcRenderer, no generic send or invoke.
 */
export type TwoStepBridge = {
  [K in keyof AppContract]: (input: InputOf<AppContract[K]>) => Promise<Result<OutputOf<AppContract[K]>>>;
} & {
  onServiceEvent(listener: (event: Exclude<ServiceEvent, { type: 'code-delivered' }>) => void): () => void;
  /** Only the trusted iPhone's window receives these: main sends codes nowhere else. */
  onDeviceNotification(listener: (notification: DeviceNotification) => void): () => void;
  /** The presenter state, each time it changes (the language, the tour, the clock, a restart). */
  onPresenterChange(listener: (state: PresenterState) => void): () => void;
};

/** The IPC channels between the preload and main (not visible to pages). */
export const IPC_CHANNELS = {
  invoke: 'twostep:invoke',
  serviceEvent: 'twostep:service-event',
  deviceNotification: 'twostep:device-notification',
  presenter: 'twostep:presenter',
} as const;
