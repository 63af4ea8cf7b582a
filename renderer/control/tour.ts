import type { ActivityEntry } from '../../preload/contract/models.js';
import { TOUR_STEP_IDS, type TourBeacon, type TourStepId } from '../../preload/contract/presenter.js';

/** What the control center can open: the app windows, the trusted iPhone, and My Apple ID. */
export const OPEN_TARGETS = ['messages', 'facetime', 'icloud', 'mail', 'appstore', 'iphone', 'account-site'] as const;
export type OpenTarget = (typeof OPEN_TARGETS)[number];

export interface TourStep {
  /** Its catalog key: tour.steps.<id>.title / .text / .seed */
  id: TourStepId;
  /**
   * Where the next click is: a window of the stage, Taro's iPhone, or My Apple ID in the real
   * browser (there the site's banner shows the step, and the stage says to switch to it).
   */
  target: OpenTarget;
  /** Whether an activity entry shows this step done. */
  done: (entry: ActivityEntry) => boolean;
  /** Opening this (a window, or My Apple ID by Create) is the step itself. */
  doneByOpening?: OpenTarget;
}

const isSignIn = (e: ActivityEntry, source: string) =>
  e.event === 'sign-in' && e.outcome === 'success' && e.source === source && e.detail.with === 'app-specific-password';

const never = () => false;

/**
 * The seed's flow (SPEC §2, steps 1–9), as a presenter walks through it. "Read the code on the
 * iPhone" is a step of its own, and it is done only when the code is used — never when the code
 * is merely sent, which is when the presenter still has to look at the phone.
 */
export const TOUR_STEPS: readonly TourStep[] = [
  { id: 'openMessages', target: 'messages', done: never, doneByOpening: 'messages' },
  {
    id: 'signIn',
    target: 'messages',
    done: (e) => e.event === 'app-password-required' && (e.source === 'messages' || e.source === 'facetime'),
  },
  // Create opens the browser; the activity log shows nothing until the presenter signs in there.
  { id: 'create', target: 'messages', done: never, doneByOpening: 'account-site' },
  { id: 'portalSignIn', target: 'account-site', done: (e) => e.event === 'verification-required' && e.source === 'account-site' },
  { id: 'chooseDevice', target: 'account-site', done: (e) => e.event === 'code-sent' && e.detail.for === 'account-site' },
  {
    id: 'readCode',
    target: 'iphone',
    done: (e) => (e.event === 'code-accepted' && e.source === 'account-site') || (e.event === 'sign-in' && e.outcome === 'success' && e.source === 'account-site'),
  },
  { id: 'createPassword', target: 'account-site', done: (e) => e.event === 'app-password-created' },
  { id: 'useIt', target: 'messages', done: (e) => isSignIn(e, 'messages') || isSignIn(e, 'facetime') },
  // The third-party app is Tern Mail, a real IMAP client: its sign-in is logged by the IMAP server.
  { id: 'mail', target: 'mail', done: (e) => isSignIn(e, 'third-party') || isSignIn(e, 'imap') },
  { id: 'revoke', target: 'account-site', done: (e) => e.event === 'app-password-revoked' || e.event === 'app-passwords-revoked-all' },
];

// The contract's list (what the site's banner may be told) and this one cannot drift apart.
if (TOUR_STEPS.map((s) => s.id).join() !== TOUR_STEP_IDS.join()) throw new Error('TOUR_STEPS and TOUR_STEP_IDS differ');

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

/** The tour after the presenter opened a window (or My Apple ID, by Create). */
export function tourOpened(tour: TourState, target: OpenTarget): TourState {
  if (!tour.active || tour.completed) return tour;
  const step = TOUR_STEPS[tour.step];
  return step?.doneByOpening === target ? { ...tour, step: tour.step + 1, auto: false } : tour;
}

/** What the site's banner is told: the step's id only. */
export function tourBeacon(tour: TourState): TourBeacon | null {
  if (!tour.active) return null;
  return { step: TOUR_STEPS[tour.step]!.id, completed: tour.completed };
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
