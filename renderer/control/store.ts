import { create } from 'zustand';
import type { ErrorPayload } from '../../preload/contract/error-codes.js';
import type { ActivityEntry, SignedInClient } from '../../preload/contract/models.js';
import type { TourRoute } from '../../preload/contract/presenter.js';
import { CATALOGS } from '../i18n/index.js';
import { ApiError } from '../shared/http-client.js';
import { appApi, type PushedServiceEvent } from '../shared/app-api.js';
import { catchUp, readTour, ROUTE_STEPS, TOUR_IDLE, tourBeacon, tourOpened, writeTour, type OpenTarget, type TourFacts, type TourState } from './tour.js';

export const ACTIVITY_LIMIT = 200;
const ANNOUNCE_MS = 6000;

/** The label Messages' Create fills in, in either language: the tour knows the password made for it by it. */
const CREATE_LABELS = [CATALOGS.en.clientApps.sheet.label, CATALOGS.ja.clientApps.sheet.label];

/**
 * The control center's one store: who is signed in where, the activity log (newest first),
 * the latest entry to announce, and the guided tour (kept across reloads of the tab, told to
 * TwoStep so My Apple ID can show the step in its banner, and moved on by what exists).
 */
export interface ControlState {
  /** Every client signed in now: the Mac apps and the mail clients. */
  sessions: SignedInClient[] | null;
  activity: ActivityEntry[] | null;
  loadError: ErrorPayload | null;
  /** The newest live entry, announced briefly to screen readers. */
  announcement: ActivityEntry | null;
  tour: TourState;
  /** The windows open where the control center runs (the stage), or null where it cannot see them. */
  openWindows: ReadonlySet<OpenTarget> | null;
  reloadSessions: () => Promise<void>;
  reloadActivity: () => Promise<void>;
  reloadAll: () => Promise<void>;
  receive: (event: PushedServiceEvent) => void;
  /** Starts a route of the tour (the seed's flow unless told otherwise). */
  startTour: (route?: TourRoute) => void;
  endTour: () => void;
  nextStep: () => void;
  backStep: () => void;
  opened: (target: OpenTarget) => void;
  /** The stage says which of its windows are open. */
  windowsChanged: (open: ReadonlySet<OpenTarget>) => void;
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
  /** What exists now, for `tour` (what it opened is its own). */
  const facts = (tour: TourState): TourFacts => {
    const { activity, sessions, openWindows } = get();
    return { activity: activity ?? [], signedIn: sessions ?? [], openWindows, opened: tour.opened, createLabels: CREATE_LABELS };
  };
  const setTour = (tour: TourState) => {
    if (tour === get().tour) return;
    writeTour(tour);
    set({ tour });
    publishTour(tour);
  };
  /** The tour where what exists now puts it. */
  const followFacts = (tour: TourState = get().tour) => setTour(catchUp(tour, facts(tour)));

  return {
    sessions: null,
    activity: null,
    loadError: null,
    announcement: null,
    tour: readTour(),
    openWindows: null,

    async reloadSessions() {
      const request = ++sessionsRequest;
      try {
        const sessions = await appApi.signedIn({});
        // An older answer arriving after a newer one is stale.
        if (request !== sessionsRequest) return;
        set({ sessions, loadError: null });
        followFacts();
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
        followFacts();
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
          // A reset empties the log and numbering starts again: the list shown is stale (and may
          // hold entries stamped later than the new ones, if the presenter had skipped ahead).
          if (same || entry.event === 'demo-reset') void get().reloadAll();
          if (same) return;
          set((s) => ({ activity: mergeActivity(entry.event === 'demo-reset' ? [] : (s.activity ?? []), [entry]), announcement: entry }));
          clearTimeout(announceTimer);
          announceTimer = setTimeout(() => {
            if (get().announcement === entry) set({ announcement: null });
          }, ANNOUNCE_MS);
          followFacts();
          return;
        }
        case 'mail-changed':
          // A mail client signed in or out (the servers' view changed): it is listed with the apps.
          if (event.what === 'servers') void get().reloadSessions();
          return;
        case 'credentials-revoked':
          // The mail servers' own.
          return;
        case 'places-changed':
          // The places' own: PlacesSection follows them (places-store.ts).
          return;
      }
    },

    startTour(route = 'seed') {
      followFacts({ active: true, route, step: 0, completed: false, auto: false, opened: [] });
    },

    endTour() {
      setTour(TOUR_IDLE);
    },

    nextStep() {
      const tour = get().tour;
      if (!tour.active || tour.completed) return;
      setTour(tour.step >= ROUTE_STEPS[tour.route].length - 1 ? { ...tour, completed: true, auto: false } : { ...tour, step: tour.step + 1, auto: false });
    },

    backStep() {
      const tour = get().tour;
      if (!tour.active) return;
      if (tour.completed) setTour({ ...tour, completed: false, auto: false });
      else if (tour.step > 0) setTour({ ...tour, step: tour.step - 1, auto: false });
    },

    opened(target) {
      followFacts(tourOpened(get().tour, target));
    },

    windowsChanged(open) {
      const known = get().openWindows;
      if (known && known.size === open.size && [...open].every((w) => known.has(w))) return;
      set({ openWindows: open });
      followFacts();
    },

    restarted() {
      // Nothing of the run before exists any more: the tour must not judge by it while the new state loads.
      set({ activity: [], sessions: [] });
      const tour = get().tour;
      if (tour.active) setTour({ active: true, route: tour.route, step: 0, completed: false, auto: false, opened: [] });
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

