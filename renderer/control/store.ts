import { create } from 'zustand';
import type { ErrorPayload } from '../../preload/contract/error-codes.js';
import type { ActivityEntry, ClientKind, ClientSessionView } from '../../preload/contract/models.js';
import { ApiError } from '../shared/http-client.js';
import { appApi, type PushedServiceEvent } from '../shared/app-api.js';
import { advanceTour, readTour, TOUR_IDLE, TOUR_STEPS, tourBeacon, tourOpened, writeTour, type OpenTarget, type TourState } from './tour.js';

export const ACTIVITY_LIMIT = 200;
const ANNOUNCE_MS = 6000;

/**
 * The control center's one store: who is signed in where, the activity log (newest first),
 * the latest entry to announce, and the guided tour (kept across reloads of the tab, and told
 * to TwoStep so My Apple ID can show the step in its banner).
 */
export interface ControlState {
  sessions: ClientSessionView[] | null;
  activity: ActivityEntry[] | null;
  loadError: ErrorPayload | null;
  /** The newest live entry, announced briefly to screen readers. */
  announcement: ActivityEntry | null;
  tour: TourState;
  reloadSessions: () => Promise<void>;
  reloadActivity: () => Promise<void>;
  reloadAll: () => Promise<void>;
  receive: (event: PushedServiceEvent) => void;
  startTour: () => void;
  endTour: () => void;
  nextStep: () => void;
  backStep: () => void;
  opened: (target: OpenTarget) => void;
  /** After Reset & restart: everything reloaded, a running tour back at its first step. */
  restarted: () => void;
}

export function toPayload(error: unknown): ErrorPayload {
  return error instanceof ApiError ? error.payload : { code: 'INTERNAL', messageKey: 'errors.INTERNAL' };
}

/** Newest first, each entry once, at most ACTIVITY_LIMIT. */
function mergeActivity(current: ActivityEntry[], incoming: ActivityEntry[]): ActivityEntry[] {
  const byId = new Map(current.map((e) => [e.id, e]));
  for (const e of incoming) byId.set(e.id, e);
  return [...byId.values()].sort((a, b) => b.id - a.id).slice(0, ACTIVITY_LIMIT);
}

/** The page trusts nothing it is sent: a malformed entry is dropped, not shown. */
export function isActivityEntry(value: unknown): value is ActivityEntry {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  return (
    typeof e.id === 'number' &&
    typeof e.at === 'number' &&
    (typeof e.appleId === 'string' || e.appleId === null) &&
    typeof e.source === 'string' &&
    typeof e.event === 'string' &&
    (e.outcome === 'success' || e.outcome === 'failure' || e.outcome === 'info') &&
    typeof e.detail === 'object' &&
    e.detail !== null
  );
}

let sessionsRequest = 0;
let announceTimer: ReturnType<typeof setTimeout> | undefined;

export const useControl = create<ControlState>()((set, get) => {
  const setTour = (tour: TourState) => {
    if (tour === get().tour) return;
    writeTour(tour);
    set({ tour });
    publishTour(tour);
  };

  return {
    sessions: null,
    activity: null,
    loadError: null,
    announcement: null,
    tour: readTour(),

    async reloadSessions() {
      const request = ++sessionsRequest;
      try {
        const sessions = await appApi.clientSessions({});
        // An older answer arriving after a newer one is stale.
        if (request === sessionsRequest) set({ sessions, loadError: null });
      } catch (error) {
        if (request === sessionsRequest) set({ loadError: toPayload(error) });
      }
    },

    async reloadActivity() {
      try {
        const entries = mergeActivity([], (await appApi.activity({ limit: ACTIVITY_LIMIT })).filter(isActivityEntry));
        const newest = entries[0];
        // The answer is the log as it is; entries pushed while it was on its way are kept.
        set((s) => {
          const since = newest ? (s.activity ?? []).filter((e) => e.id > newest.id && e.at >= newest.at) : [];
          return { activity: mergeActivity(entries, since), loadError: null };
        });
      } catch (error) {
        set({ loadError: toPayload(error) });
      }
    },

    async reloadAll() {
      await Promise.all([get().reloadSessions(), get().reloadActivity()]);
    },

    receive(event) {
      switch (event.type) {
        case 'client-session-started':
        case 'client-session-ended':
          void get().reloadSessions();
          return;
        case 'activity': {
          const entry = event.entry;
          if (!isActivityEntry(entry)) return;
          const same = get().activity?.find((e) => e.id === entry.id);
          if (same && same.at === entry.at) return;
          // A reset empties the log and numbering starts again: the list shown is stale.
          if (same || entry.event === 'demo-reset') void get().reloadAll();
          if (same) return;
          set((s) => ({ activity: mergeActivity(s.activity ?? [], [entry]), announcement: entry }));
          clearTimeout(announceTimer);
          announceTimer = setTimeout(() => {
            if (get().announcement === entry) set({ announcement: null });
          }, ANNOUNCE_MS);
          setTour(advanceTour(get().tour, entry));
          return;
        }
        case 'credentials-revoked':
        case 'mail-changed':
          // The mail servers' own: MailServersSection follows them.
          return;
        case 'places-changed':
          // The places' own: PlacesSection follows them (places-store.ts).
          return;
      }
    },

    startTour() {
      setTour({ active: true, step: 0, completed: false, auto: false });
    },

    endTour() {
      setTour(TOUR_IDLE);
    },

    nextStep() {
      const tour = get().tour;
      if (!tour.active || tour.completed) return;
      setTour(tour.step >= TOUR_STEPS.length - 1 ? { ...tour, completed: true, auto: false } : { ...tour, step: tour.step + 1, auto: false });
    },

    backStep() {
      const tour = get().tour;
      if (!tour.active) return;
      if (tour.completed) setTour({ ...tour, completed: false, auto: false });
      else if (tour.step > 0) setTour({ ...tour, step: tour.step - 1, auto: false });
    },

    opened(target) {
      setTour(tourOpened(get().tour, target));
    },

    restarted() {
      const tour = get().tour;
      if (tour.active) setTour({ active: true, step: 0, completed: false, auto: false });
      // TwoStep forgot the step on restart: tell it again, even if this page's tour did not move.
      publishTour(get().tour);
      void get().reloadAll();
    },
  };
});

/** Tells TwoStep where the tour is (for the site's banner); a failure only leaves the banner behind. */
function publishTour(tour: TourState): void {
  appApi.setTour({ tour: tourBeacon(tour) }).catch(() => undefined);
}

/** The session of each app, in the order the table lists them. */
export function sessionsByApp(sessions: ClientSessionView[]): Map<ClientKind, ClientSessionView> {
  const map = new Map<ClientKind, ClientSessionView>();
  for (const s of sessions) {
    const existing = map.get(s.clientKind);
    if (!existing || existing.startedAt < s.startedAt) map.set(s.clientKind, s);
  }
  return map;
}
