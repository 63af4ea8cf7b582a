import type { ActivityEntry } from '../../preload/contract/models.js';

/** What the control center can open: the app windows, the trusted iPhone, and My Apple ID. */
export const OPEN_TARGETS = ['messages', 'facetime', 'icloud', 'mail', 'iphone', 'account-site'] as const;
export type OpenTarget = (typeof OPEN_TARGETS)[number];

export interface TourStep {
  /** Its catalog key: tour.steps.<id>.title / .text */
  id: string;
  /** The control center button this step points at, if any. */
  target: OpenTarget | null;
  /** Whether an activity entry shows this step done. */
  done: (entry: ActivityEntry) => boolean;
  /** Opening this window from the control center is the step itself. */
  doneByOpening?: OpenTarget;
}

const isSignIn = (e: ActivityEntry, source: string) =>
  e.event === 'sign-in' && e.outcome === 'success' && e.source === source && e.detail.with === 'app-specific-password';

/** The seed's flow (SPEC §2, steps 1–9), as a presenter walks through it. */
export const TOUR_STEPS: readonly TourStep[] = [
  { id: 'openMessages', target: 'messages', done: () => false, doneByOpening: 'messages' },
  {
    id: 'signIn',
    target: 'messages',
    done: (e) => e.event === 'app-password-required' && (e.source === 'messages' || e.source === 'facetime'),
  },
  // Create only opens the browser; nothing is logged until the presenter signs in there.
  { id: 'create', target: 'messages', done: () => false },
  { id: 'portalSignIn', target: null, done: (e) => e.event === 'verification-required' && e.source === 'account-site' },
  {
    id: 'verify',
    target: 'iphone',
    done: (e) =>
      (e.event === 'code-sent' && e.detail.for === 'account-site') ||
      (e.event === 'code-accepted' && e.source === 'account-site') ||
      (e.event === 'sign-in' && e.outcome === 'success' && e.source === 'account-site'),
  },
  { id: 'createPassword', target: null, done: (e) => e.event === 'app-password-created' },
  { id: 'useIt', target: 'messages', done: (e) => isSignIn(e, 'messages') || isSignIn(e, 'facetime') },
  // The third-party app is Tern Mail, a real IMAP client: its sign-in is logged by the IMAP server.
  { id: 'mail', target: 'account-site', done: (e) => isSignIn(e, 'third-party') || isSignIn(e, 'imap') },
  { id: 'revoke', target: 'account-site', done: (e) => e.event === 'app-password-revoked' || e.event === 'app-passwords-revoked-all' },
];

/** How far ahead an activity entry may carry the tour (a presenter who ran ahead), never further. */
const LOOKAHEAD = 3;

export interface TourState {
  active: boolean;
  /** 0-based index into TOUR_STEPS. */
  step: number;
  completed: boolean;
  /** The last move was made by the activity log, not by the presenter. */
  auto: boolean;
}

export const TOUR_IDLE: TourState = { active: false, step: 0, completed: false, auto: false };

/** The tour after an activity entry: the first step (from the current one) it shows done ends. */
export function advanceTour(tour: TourState, entry: ActivityEntry): TourState {
  if (!tour.active || tour.completed) return tour;
  const last = TOUR_STEPS.length - 1;
  for (let i = tour.step; i <= Math.min(last, tour.step + LOOKAHEAD - 1); i++) {
    if (!TOUR_STEPS[i]!.done(entry)) continue;
    return i === last ? { ...tour, step: last, completed: true, auto: true } : { ...tour, step: i + 1, auto: true };
  }
  return tour;
}

/** The tour after the presenter opened a window from the control center. */
export function tourOpened(tour: TourState, target: OpenTarget): TourState {
  if (!tour.active || tour.completed) return tour;
  const step = TOUR_STEPS[tour.step];
  return step?.doneByOpening === target ? { ...tour, step: tour.step + 1, auto: false } : tour;
}

const KEY = 'twostep.control.tour';

export function readTour(): TourState {
  try {
    const raw = window.sessionStorage.getItem(KEY);
    if (!raw) return TOUR_IDLE;
    const value = JSON.parse(raw) as Partial<TourState>;
    const step = typeof value.step === 'number' && Number.isInteger(value.step) ? Math.min(Math.max(value.step, 0), TOUR_STEPS.length - 1) : 0;
    return { active: value.active === true, step, completed: value.completed === true, auto: false };
  } catch {
    return TOUR_IDLE;
  }
}

export function writeTour(tour: TourState): void {
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify(tour));
  } catch {
    // The tour then lasts only as long as this page.
  }
}
