import { onServiceEvent, type PushedServiceEvent } from '../shared/app-api.js';
import { useControl } from './store.js';

function isServiceEvent(value: unknown): value is PushedServiceEvent {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return type === 'activity' || type === 'client-session-started' || type === 'client-session-ended';
}

/**
 * Listens to the identity service (IPC in the desktop app, Server-Sent Events in browser
 * mode). After each (re)connection the sessions and the log are loaded again, so nothing
 * that happened while away is missed. Returns the unsubscribe.
 */
export function connect(): () => void {
  return onServiceEvent(
    (event) => {
      if (isServiceEvent(event)) useControl.getState().receive(event);
    },
    () => void useControl.getState().reloadAll(),
  );
}
