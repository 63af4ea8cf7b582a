import { onServiceEvent, type PushedServiceEvent } from '../shared/app-api.js';
import { CLIENT_KINDS } from '../../preload/contract/models.js';
import type { ClientStore } from './store.js';

/** The page trusts nothing it is sent: only well-formed session events reach the store. */
function isSessionEvent(value: unknown): value is PushedServiceEvent {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as Record<string, unknown>;
  if (event.type === 'client-session-ended') {
    return typeof event.sessionId === 'string' && typeof event.reason === 'string' && CLIENT_KINDS.includes(event.clientKind as never);
  }
  if (event.type === 'client-session-started') {
    const session = event.session as Record<string, unknown> | null;
    return (
      typeof session === 'object' &&
      session !== null &&
      typeof session.id === 'string' &&
      typeof session.appleId === 'string' &&
      typeof session.fullName === 'string' &&
      CLIENT_KINDS.includes(session.clientKind as never)
    );
  }
  return false;
}

/**
 * Keeps a window's sign-in state live: session events apply at once, and after each
 * (re)connection the session is fetched again, so nothing missed while away stays wrong.
 * Returns the unsubscribe.
 */
export function connectClient(store: ClientStore): () => void {
  return onServiceEvent(
    (event) => {
      if (isSessionEvent(event)) store.getState().onServiceEvent(event);
    },
    () => void store.getState().load(),
  );
}
