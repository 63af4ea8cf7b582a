import { appApi, onDeviceNotification } from '../shared/app-api.js';
import { onRestart } from '../shared/presenter.js';
import { isNotification, type DeviceStore } from './store.js';

async function catchUp(store: DeviceStore): Promise<void> {
  try {
    store.getState().add((await appApi.deviceNotifications({})).filter(isNotification));
    store.getState().setConnection('live');
  } catch {
    store.getState().setConnection('offline');
  }
}

/**
 * Loads what already arrived, then listens (IPC in the desktop app, Server-Sent Events in
 * browser mode). After each (re)connection the list is fetched again, so nothing sent while
 * away is missed; after a Reset & restart the lock screen is emptied first. Returns the unsubscribe.
 */
export function connectDevice(store: DeviceStore): () => void {
  const stopListening = onDeviceNotification(
    (notification) => {
      if (isNotification(notification)) store.getState().add([notification]);
    },
    () => void catchUp(store),
  );
  const stopRestarting = onRestart(() => {
    store.getState().clear();
    void catchUp(store);
  });
  return () => {
    stopListening();
    stopRestarting();
  };
}
