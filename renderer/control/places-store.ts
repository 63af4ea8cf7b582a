import { create } from 'zustand';
import type { ErrorPayload } from '../../preload/contract/error-codes.js';
import type { PlacesView } from '../../preload/contract/places-types.js';
import { appApi, onServiceEvent } from '../shared/app-api.js';
import { toPayload } from './store.js';

/**
 * What the control center shows of the places (issue 19): the browser sessions of iCloud.com and
 * support, and this Mac's App Store. Read again whenever the service says a place changed, a
 * Reset happened, or the event stream reconnected.
 */
export interface PlacesState {
  view: PlacesView | null;
  error: ErrorPayload | null;
  reload: () => Promise<void>;
  endSession: (sessionId: string) => Promise<ErrorPayload | null>;
}

let request = 0;

export const usePlaces = create<PlacesState>()((set, get) => ({
  view: null,
  error: null,
  async reload() {
    const mine = ++request;
    try {
      const view = await appApi.places({});
      if (mine === request) set({ view, error: null });
    } catch (error) {
      if (mine === request) set({ error: toPayload(error) });
    }
  },
  async endSession(sessionId) {
    try {
      await appApi.endWebSession({ sessionId });
      return null;
    } catch (error) {
      return toPayload(error);
    } finally {
      await get().reload();
    }
  },
}));

/** Keeps the places' view live; returns the unsubscribe. */
export function connectPlaces(): () => void {
  return onServiceEvent(
    (event) => {
      if (event.type === 'places-changed' || (event.type === 'activity' && event.entry?.event === 'demo-reset')) void usePlaces.getState().reload();
    },
    () => void usePlaces.getState().reload(),
  );
}
