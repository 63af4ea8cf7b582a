import type { AppContract } from '../../preload/contract/app-contract.js';
import type { TwoStepBridge } from '../../preload/contract/bridge.js';
import type { ClientOf } from '../../preload/contract/define.js';
import type { Result } from '../../preload/contract/error-codes.js';
import type { DeviceNotification, ServiceEvent } from '../../preload/contract/models.js';
import { ApiError, httpClient } from './http-client.js';
import { adoptLaunchKey, launchKeyHeaders, reportMissingLaunchKey, withLaunchKey } from './launch-key.js';
import { sharedEventStream } from './shared-event-stream.js';

declare global {
  interface Window {
    /** Present in the desktop app only: the preload's contextBridge API. */
    twostep?: TwoStepBridge;
  }
}

export type AppApi = ClientOf<AppContract>;
export type PushedServiceEvent = Exclude<ServiceEvent, { type: 'code-delivered' }>;

/** Over IPC in the desktop app: the bridge answers `Result`s, unwrapped here like the HTTP client does. */
function bridgeClient(bridge: TwoStepBridge): AppApi {
  return new Proxy({} as AppApi, {
    get(_target, name) {
      if (typeof name !== 'string' || !(name in bridge)) return undefined;
      return async (input: unknown) => {
        const call = bridge[name as keyof AppContract] as (input: unknown) => Promise<Result<unknown>>;
        const result = await call(input);
        if (!result.ok) throw new ApiError(result.error);
        return result.value;
      };
    },
  });
}

/** Over HTTP in browser mode: with the launch key; a refusal for want of it is shown on the page. */
function browserClient(): AppApi {
  adoptLaunchKey();
  const http = httpClient<AppContract>('/api/app', launchKeyHeaders);
  return new Proxy({} as AppApi, {
    get(_target, name) {
      const call = http[name as keyof AppApi] as ((input: unknown) => Promise<unknown>) | undefined;
      if (typeof call !== 'function') return undefined;
      return async (input: unknown) => {
        try {
          return await call(input);
        } catch (error) {
          if (error instanceof ApiError && error.payload.code === 'LAUNCH_KEY_REQUIRED') reportMissingLaunchKey();
          throw error;
        }
      };
    },
  });
}

/**
 * The windows' one way to main: the same contract whichever the transport — the preload's
 * bridge in the desktop app, HTTP in browser mode. Pages never know which.
 */
export const appApi: AppApi = typeof window !== 'undefined' && window.twostep ? bridgeClient(window.twostep) : browserClient();

/**
 * Session, activity and other service events, as they happen. `onConnected` runs once the
 * stream is up (and again after a reconnection): reload state there. Returns the unsubscribe.
 */
export function onServiceEvent(listener: (event: PushedServiceEvent) => void, onConnected?: () => void): () => void {
  if (window.twostep) {
    const unsubscribe = window.twostep.onServiceEvent(listener);
    onConnected?.();
    return unsubscribe;
  }
  return sharedEventStream(withLaunchKey('/api/app/events'), 'service', (data) => listener(data as PushedServiceEvent), onConnected);
}

/** The trusted iPhone's notifications (codes). Only the iPhone's page subscribes to these. */
export function onDeviceNotification(listener: (notification: DeviceNotification) => void, onConnected?: () => void): () => void {
  if (window.twostep) {
    const unsubscribe = window.twostep.onDeviceNotification(listener);
    onConnected?.();
    return unsubscribe;
  }
  return sharedEventStream(withLaunchKey('/api/app/device-events'), 'notification', (data) => listener(data as DeviceNotification), onConnected);
}
