import { useSyncExternalStore } from 'react';
import { originSecret } from './origin-secret.js';

/**
 * Browser mode's launch key: the app server answers its API only to pages that hold it. The
 * address TwoStep prints and opens carries it once, in the fragment (`#key=…`, never sent to any
 * server); the first page opened from it keeps it for the origin and takes it out of the
 * address bar, and every page of the origin sends it — in a header, or as `?key=` where a header
 * cannot go (an EventSource).
 */
const launchKey = originSecret('twostep.launchKey');

export function adoptLaunchKey(): void {
  takeKeyFromAddress();
  // The printed address pasted over a page opened without it changes only the fragment, which
  // does not load the page again: take the key then, and start the page afresh with it.
  window.addEventListener('hashchange', () => {
    if (takeKeyFromAddress()) window.location.reload();
  });
}

function takeKeyFromAddress(): boolean {
  const match = /(?:^#|&)key=([A-Za-z0-9_-]{16,128})(?:&|$)/.exec(window.location.hash);
  if (!match) return false;
  launchKey.set(match[1]!);
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  return true;
}

export function launchKeyHeaders(): Record<string, string> {
  const key = launchKey.get();
  return key ? { 'x-twostep-key': key } : {};
}

/** An event stream's address with the key (EventSource cannot send headers). */
export function withLaunchKey(path: string): string {
  const key = launchKey.get();
  return key ? `${path}${path.includes('?') ? '&' : '?'}key=${encodeURIComponent(key)}` : path;
}

// — the page tells the user when it was opened without the key —

let missing = false;
const listeners = new Set<() => void>();

export function reportMissingLaunchKey(): void {
  if (missing) return;
  missing = true;
  for (const listener of listeners) listener();
}

export function useLaunchKeyMissing(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => missing,
  );
}
