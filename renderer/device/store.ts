import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { DeviceNotification } from '../../preload/contract/models.js';

/** The trusted devices' inbox: newest first, each notification once however often it arrives (again when its code was used). */
export interface DeviceState {
  notifications: DeviceNotification[];
  connection: 'connecting' | 'live' | 'offline';
  add: (notifications: DeviceNotification[]) => void;
  setConnection: (connection: DeviceState['connection']) => void;
  /** Reset & restart: the lock screen empty again. */
  clear: () => void;
}

export type DeviceStore = StoreApi<DeviceState>;

/** One iPhone's state: its own page holds one, and so does the stage. */
export function createDeviceStore(): DeviceStore {
  return createStore<DeviceState>()((set, get) => ({
    notifications: [],
    connection: 'connecting',
    add(incoming) {
      const existing = get().notifications;
      const known = new Map(existing.map((n) => [n.id, n]));
      const fresh = incoming.filter((n) => !known.has(n.id));
      // A notification again, now marked used, or a sign-in request now answered: it replaces the
      // one shown (never the other way back).
      const changed = new Map(incoming.filter((n) => isLater(n, known.get(n.id))).map((n) => [n.id, n]));
      if (fresh.length === 0 && changed.size === 0) return;
      // Newest first. `incoming` is newest first too, and the sort is stable, so of two codes sent
      // in the same millisecond the later arrival stays on top.
      set({ notifications: [...fresh, ...existing.map((n) => changed.get(n.id) ?? n)].sort((a, b) => b.sentAt - a.sentAt) });
    },
    setConnection(connection) {
      set({ connection });
    },
    clear() {
      set({ notifications: [] });
    },
  }));
}

export const DeviceContext = createContext<DeviceStore | null>(null);

export function useDevice<T>(selector: (state: DeviceState) => T): T {
  const store = useContext(DeviceContext);
  if (!store) throw new Error('useDevice outside a DeviceContext');
  return useStore(store, selector);
}

/** Whether `next` is a later state of the notification shown: its code used, or its request answered. */
function isLater(next: DeviceNotification, shown: DeviceNotification | undefined): boolean {
  if (!shown) return false;
  if (next.usedAt !== null && shown.usedAt === null) return true;
  return shown.request?.decision === 'pending' && next.request !== null && next.request.decision !== 'pending';
}

function isRequest(value: unknown): boolean {
  if (value === null) return true;
  if (typeof value !== 'object') return false;
  const r = value as Record<string, unknown>;
  return ['web-browser', 'icloud-com', 'mac'].includes(r.place as string) && ['pending', 'allowed', 'denied'].includes(r.decision as string);
}

/** The page trusts nothing it is sent: a malformed event is dropped, not shown. */
export function isNotification(value: unknown): value is DeviceNotification {
  if (typeof value !== 'object' || value === null) return false;
  const n = value as Record<string, unknown>;
  return (
    typeof n.id === 'string' &&
    (typeof n.deviceId === 'number' || n.deviceId === null) &&
    (n.deviceKind === 'iphone' || n.deviceKind === 'phone') &&
    typeof n.deviceName === 'string' &&
    typeof n.appleId === 'string' &&
    typeof n.code === 'string' &&
    typeof n.sentAt === 'number' &&
    typeof n.expiresAt === 'number' &&
    (typeof n.replaces === 'string' || n.replaces === null) &&
    (typeof n.usedAt === 'number' || n.usedAt === null) &&
    isRequest(n.request)
  );
}

/** The ids of the codes a newer one replaced: no longer valid, though not expired yet. */
export function replacedIds(notifications: readonly DeviceNotification[]): Set<string> {
  return new Set(notifications.flatMap((n) => (n.replaces === null ? [] : [n.replaces])));
}
