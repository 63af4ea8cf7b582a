import { useSyncExternalStore } from 'react';

/**
 * A small history router: the server answers every non-/api path with this page, and the
 * page decides what to show from `location.pathname` and `location.search`.
 */
export interface Location {
  pathname: string;
  search: string;
}

const listeners = new Set<() => void>();
let snapshot: Location = read();

function read(): Location {
  return { pathname: window.location.pathname, search: window.location.search };
}

function notify(): void {
  const next = read();
  if (next.pathname === snapshot.pathname && next.search === snapshot.search) return;
  snapshot = next;
  for (const listener of listeners) listener();
}

window.addEventListener('popstate', notify);

export function currentLocation(): Location {
  return snapshot;
}

/** `to` is a same-origin path such as `/account/app-passwords?x=1`. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  notify();
  if (!options.replace) window.scrollTo?.(0, 0);
}

/** Re-reads the address bar (for tests and code that changed it by other means). */
export function syncLocation(): void {
  notify();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLocation(): Location {
  return useSyncExternalStore(subscribe, currentLocation);
}

/** Only a path of this site: never `//host` or a scheme, so a return path cannot leave it. */
export function isLocalPath(path: unknown): path is string {
  return typeof path === 'string' && path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\');
}
