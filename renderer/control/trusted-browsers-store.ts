import { create } from 'zustand';
import type { ErrorPayload } from '../../preload/contract/error-codes.js';
import type { TrustedBrowserAdminView } from '../../preload/contract/trusted-browsers-types.js';
import { appApi, onServiceEvent } from '../shared/app-api.js';
import { toPayload } from './store.js';

/**
 * What the control center shows of two-factor authentication's trusted browsers, of every
 * account. Read again whenever the service says they changed (places-changed), a Reset
 * happened, or the event stream reconnected.
 */
export interface TrustedBrowsersState {
  browsers: TrustedBrowserAdminView[] | null;
  error: ErrorPayload | null;
  reload: () => Promise<void>;
  end: (browserId: string) => Promise<ErrorPayload | null>;
}

let request = 0;

export const useTrustedBrowsers = create<TrustedBrowsersState>()((set, get) => ({
  browsers: null,
  error: null,
  async reload() {
    const mine = ++request;
    try {
      const browsers = await appApi.trustedBrowsers({});
      if (mine === request) set({ browsers, error: null });
    } catch (error) {
      if (mine === request) set({ error: toPayload(error) });
    }
  },
  async end(browserId) {
    try {
      await appApi.endTrustedBrowser({ browserId });
      return null;
    } catch (error) {
      return toPayload(error);
    } finally {
      await get().reload();
    }
  },
}));

/** Keeps the list live; returns the unsubscribe. */
export function connectTrustedBrowsers(): () => void {
  const reload = () => void useTrustedBrowsers.getState().reload();
  // Read now too: a page that joins a stream another part of it already opened hears no "connected".
  reload();
  return onServiceEvent((event) => {
    // A password change or a level change ends trusts too: each says places-changed.
    if (event.type === 'places-changed' || (event.type === 'activity' && event.entry?.event === 'demo-reset')) reload();
  }, reload);
}
