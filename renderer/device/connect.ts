import type { DeviceContract } from '../../preload/contract/account-site-contract.js';
import { httpClient } from '../shared/http-client.js';
import { isNotification, useDevice } from './store.js';

const device = httpClient<DeviceContract>('/api/device');

async function catchUp(): Promise<void> {
  try {
    useDevice.getState().add((await device.notifications({})).filter(isNotification));
  } catch {
    useDevice.getState().setConnection('offline');
  }
}

/**
 * Loads what already arrived, then listens. EventSource reconnects by itself; each time it
 * (re)opens, the list is fetched again so nothing sent while away is missed.
 */
export function connect(): () => void {
  const events = new EventSource('/api/device/events');
  events.addEventListener('open', () => {
    useDevice.getState().setConnection('live');
    void catchUp();
  });
  events.addEventListener('error', () => useDevice.getState().setConnection(events.readyState === EventSource.CLOSED ? 'offline' : 'connecting'));
  events.addEventListener('notification', (event: MessageEvent<string>) => {
    try {
      const parsed: unknown = JSON.parse(event.data);
      if (isNotification(parsed)) useDevice.getState().add([parsed]);
    } catch {
      // Not JSON: ignored.
    }
  });
  void catchUp();
  return () => events.close();
}
