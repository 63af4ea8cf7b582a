import { onAccountSiteOpened } from '../shared/account-site-tab.js';
import { appApi, onServiceEvent, type PushedServiceEvent } from '../shared/app-api.js';
import { onRestart } from '../shared/presenter.js';
import { useControl } from './store.js';
import { tourBeacon } from './tour.js';

function isServiceEvent(value: unknown): value is PushedServiceEvent {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return type === 'activity' || type === 'client-session-started' || type === 'client-session-ended' || type === 'mail-changed';
}

/**
 * Listens to the identity service (IPC in the desktop app, Server-Sent Events in browser
 * mode). After each (re)connection the sessions and the log are loaded again, so nothing
 * that happened while away is missed, and TwoStep is told where this page's tour is (a reload
 * of the page keeps its tour). After a Reset & restart the tour starts over. Returns the unsubscribe.
 */
export function connect(): () => void {
  const stopEvents = onServiceEvent(
    (event) => {
      if (isServiceEvent(event)) useControl.getState().receive(event);
    },
    () => {
      void useControl.getState().reloadAll();
      const tour = useControl.getState().tour;
      if (tour.active) appApi.setTour({ tour: tourBeacon(tour) }).catch(() => undefined);
    },
  );
  const stopRestarts = onRestart(() => useControl.getState().restarted());
  // Create in a window of the same page (the stage) opened My Apple ID: the tour's "Click Create" is done.
  const stopOpened = onAccountSiteOpened(() => useControl.getState().opened('account-site'));
  return () => {
    stopEvents();
    stopRestarts();
    stopOpened();
  };
}
