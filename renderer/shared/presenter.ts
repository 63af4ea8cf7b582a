import { createStore, useStore } from 'zustand';
import { APP_PRESENTER_EVENTS_PATH, type PresenterState } from '../../preload/contract/presenter.js';
import { asLanguage } from '../i18n/index.js';
import { connectLanguage, followLanguage } from '../i18n/language-sync.js';
import { appApi } from './app-api.js';
import { applyLargeType } from './large-type.js';
import { withLaunchKey } from './launch-key.js';
import { sharedEventStream } from './shared-event-stream.js';

/**
 * The presenter state as this page knows it (the one language, the tour step, the clock
 * skipped, the restarts, Large type), for an app-server page or a desktop window. It is the page's, not a
 * window's: every window of the stage shares it, as they share the language.
 */
export const presenterStore = createStore<{ state: PresenterState | null }>()(() => ({ state: null }));

export function usePresenter<T>(selector: (state: PresenterState | null) => T): T {
  return useStore(presenterStore, (s) => selector(s.state));
}

/** The presenter clock's "now": real time plus what the presenter skipped, as the service counts it. */
export function presenterNow(realNow: number = Date.now()): number {
  return realNow + (presenterStore.getState().state?.skippedMs ?? 0);
}

const restartHandlers = new Set<() => void>();

/** Runs `handler` after each Reset & restart (a new run): the caller puts its part back to its first state. */
export function onRestart(handler: () => void): () => void {
  restartHandlers.add(handler);
  return () => restartHandlers.delete(handler);
}

/** The page trusts nothing it is sent: only a well-formed state is taken. */
export function isPresenterState(value: unknown): value is PresenterState {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  const tour = s.tour as Record<string, unknown> | null;
  return (
    asLanguage(s.lang as string) !== null &&
    (tour === null || (typeof tour === 'object' && typeof tour.step === 'string' && typeof tour.completed === 'boolean')) &&
    typeof s.skippedMs === 'number' &&
    typeof s.run === 'number' &&
    typeof s.siteTabs === 'number' &&
    typeof s.largeType === 'boolean' &&
    (s.macOs === '10.11' || s.macOs === '10.10')
  );
}

/** Takes a state pushed or fetched: the language follows, and a new run restarts the page's parts. */
export function receivePresenterState(state: PresenterState): void {
  const previous = presenterStore.getState().state;
  presenterStore.setState({ state });
  followLanguage(state.lang);
  if (previous?.largeType !== state.largeType) applyLargeType(state.largeType);
  if (previous !== null && previous.run !== state.run) for (const handler of [...restartHandlers]) handler();
}

/** States pushed so far: a fetched state older than a pushed one is not taken over it. */
let pushed = 0;

async function load(): Promise<void> {
  const before = pushed;
  try {
    const state = await appApi.presenter({});
    if (isPresenterState(state) && pushed === before) receivePresenterState(state);
  } catch {
    // Unreachable: the page keeps what it knows; the next connection loads it again.
  }
}

function subscribe(listener: (state: unknown) => void, onConnected: () => void): () => void {
  if (window.twostep) {
    const unsubscribe = window.twostep.onPresenterChange(listener);
    onConnected();
    return unsubscribe;
  }
  return sharedEventStream(withLaunchKey(APP_PRESENTER_EVENTS_PATH), 'presenter', listener, onConnected);
}

/**
 * Keeps this page in step with the presenter state: loaded on each (re)connection, then as
 * pushed; the page's language switch tells TwoStep through the windows' contract. Once per page.
 */
export function connectPresenter(): () => void {
  connectLanguage((lang) => appApi.setLanguage({ lang }));
  return subscribe(
    (state) => {
      pushed += 1;
      if (isPresenterState(state)) receivePresenterState(state);
    },
    () => void load(),
  );
}
