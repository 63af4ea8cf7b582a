import { create } from 'zustand';
import type { DeviceNotification } from '../../preload/contract/models.js';

/** The trusted devices' inbox: newest first, each notification once however often it arrives. */
export interface DeviceState {
  notifications: DeviceNotification[];
  connection: 'connecting' | 'live' | 'offline';
  add: (notifications: DeviceNotification[]) => void;
  setConnection: (connection: DeviceState['connection']) => void;
}

export const useDevice = create<DeviceState>()((set, get) => ({
  notifications: [],
  connection: 'connecting',
  add(incoming) {
    const byId = new Map(get().notifications.map((n) => [n.id, n]));
    for (const n of incoming) byId.set(n.id, n);
    set({ notifications: [...byId.values()].sort((a, b) => b.sentAt - a.sentAt) });
  },
  setConnection(connection) {
    set({ connection });
  },
}));

/** The page trusts nothing it is sent: a malformed event is dropped, not shown. */
export function isNotification(value: unknown): value is DeviceNotification {
  if (typeof value !== 'object' || value === null) return false;
  const n = value as Record<string, unknown>;
  return (
    typeof n.id === 'string' &&
    typeof n.deviceId === 'number' &&
    (n.deviceKind === 'iphone' || n.deviceKind === 'phone') &&
    typeof n.deviceName === 'string' &&
    typeof n.appleId === 'string' &&
    typeof n.code === 'string' &&
    typeof n.sentAt === 'number' &&
    typeof n.expiresAt === 'number'
  );
}
