import { appApi, onDeviceNotification } from '../shared/app-api.js';
import { isNotification, useDevice } from './store.js';

async function catchUp(): Promise<void> {
  try {
    useDevice.getState().add((await appApi.deviceNotifications({})).filter(isNotification));
    useDevice.getState().setConnection('live');
  } catch {
    useDevice.getState().setConnection('offline');
  }
}

/**
 * Loads what already arrived, then listens (IPC in the desktop app, Server-Sent Events in
 * browser mode). After each (re)connection the list is fetched again, so nothing sent while
 * away is missed.
 */
export function connect(): () => void {
  return onDeviceNotification(
    (notification) => {
      if (isNotification(notification)) useDevice.getState().add([notification]);
    },
    () => void catchUp(),
  );
}
