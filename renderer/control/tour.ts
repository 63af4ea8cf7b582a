import type { ActivityEntry, SignedInClient } from '../../preload/contract/models.js';
import { TOUR_STEP_IDS, type TourBeacon, type TourStepId } from '../../preload/contract/presenter.js';

/** What the control center can open: the app windows, the trusted iPhone, and My Apple ID. */
export const OPEN_TARGETS = ['messages', 'facetime', 'icloud', 'mail', 'iphone', 'account-site'] as const;
export type OpenTarget = (typeof OPEN_TARGETS)[number];

/**
 * What exists, as the control center knows it: the activity log (since the last Reset &
 * restart), who is signed in where, the windows open on the stage (null where that cannot be
 * known), and what this tour opened. The tour judges its steps from these, so it catches up
 * however the presenter went.
 */
export interface TourFacts {
  activity: readonly ActivityEntry[];
  signedIn: readonly SignedInClient[];
  openWindows: ReadonlySet<OpenTarget> | null;
  /** Opened by the presenter during this tour (a window, or My Apple ID by Create). */
  opened: readonly OpenTarget[];
  /** The label Messages' Create fills in, in each language ("iMessage and FaceTime", 「iMessage と FaceTime」). */
  createLabels: readonly string[];
}

export interface TourStep {
  /** Its catalog key: tour.steps.<id>.title / .text / .seed */
  id: TourStepId;
  /**
   * Where the next click is: a window of the stage, Taro's iPhone, or My Apple ID in the real
   * browser (there the site's banner shows the step, and the stage says to switch to it).
   */
  target: OpenTarget;
  /**
   * Whether what exists shows this step done (on its own: a later step of the Messages part done
   * shows the earlier ones done too, see `stepDone`).
   */
  done: (facts: TourFacts) => boolean;
}

const logged = (facts: TourFacts, test: (e: ActivityEntry) => boolean) => facts.activity.some(test);
const appPasswordSignIn = (e: ActivityEntry, sources: readonly string[]) =>
  e.event === 'sign-in' && e.outcome === 'success' && sources.includes(e.source) && e.detail.with === 'app-specific-password';
const MESSAGES = ['messages', 'facetime'] as const;

/**
 * The seed's flow (SPEC §2, steps 1–9), as a presenter walks through it. "Read the code on the
 * iPhone" is a step of its own, and it is done only when the code is used — never when the code
 * is merely sent, which is when the presenter still has to look at the phone.
 */
export const TOUR_STEPS: readonly TourStep[] = [
  {
    id: 'openMessages',
    target: 'messages',
    done: (f) => !!f.openWindows?.has('messages') || f.opened.includes('messages'),
  },
  {
    id: 'signIn',
    target: 'messages',
    done: (f) => logged(f, (e) => e.event === 'app-password-required' && (MESSAGES as readonly string[]).includes(e.source)),
  },
  // Create opens the browser; the activity log shows nothing until the presenter signs in there.
  { id: 'create', target: 'messages', done: (f) => f.opened.includes('account-site') },
  { id: 'portalSignIn', target: 'account-site', done: (f) => logged(f, (e) => e.event === 'verification-required' && e.source === 'account-site') },
  { id: 'chooseDevice', target: 'account-site', done: (f) => logged(f, (e) => e.event === 'code-sent' && e.detail.for === 'account-site') },
  {
    id: 'readCode',
    target: 'iphone',
    done: (f) => logged(f, (e) => (e.event === 'code-accepted' && e.source === 'account-site') || (e.event === 'sign-in' && e.outcome === 'success' && e.source === 'account-site')),
  },
  // An app-specific password with the label Create filled in exists (or was made and used).
  {
    id: 'createPassword',
    target: 'account-site',
    done: (f) => logged(f, (e) => e.event === 'app-password-created' && typeof e.detail.label === 'string' && f.createLabels.includes(e.detail.label)),
  },
  {
    id: 'useIt',
    target: 'messages',
    done: (f) =>
      logged(f, (e) => appPasswordSignIn(e, MESSAGES)) ||
      f.signedIn.some((c) => c.kind === 'app' && (MESSAGES as readonly string[]).includes(c.clientKind) && c.appPasswordLabel !== null),
  },
  // The third-party app is Tern Mail, a real IMAP client: its sign-in is logged by the IMAP server.
  {
    id: 'mail',
    target: 'mail',
    done: (f) => logged(f, (e) => appPasswordSignIn(e, ['third-party', 'imap'])) || f.signedIn.some((c) => c.kind === 'mail' && c.appPasswordLabel !== null),
  },
  { id: 'revoke', target: 'account-site', done: (f) => logged(f, (e) => e.event === 'app-password-revoked' || e.event === 'app-passwords-revoked-all') },
];

// The contract's list (what the site's banner may be told) and this one cannot drift apart.
if (TOUR_STEPS.map((s) => s.id).join() !== TOUR_STEP_IDS.join()) throw new Error('TOUR_STEPS and TOUR_STEP_IDS differ');

/** The Messages part of the flow, in order: each step is done when a later one of it is (the password used means it was made). */
const MESSAGES_PART = TOUR_STEPS.findIndex((s) => s.id === 'useIt');

/** Whether step `index` is done: by its own facts, or, within the Messages part, by a later step's. */
export function stepDone(index: number, facts: TourFacts): boolean {
  const own = TOUR_STEPS[index]!.done(facts);
  if (own || index >= MESSAGES_PART) return own;
  return stepDone(index + 1, facts);
}

export interface TourState {
  active: boolean;
  /** 0-based index into TOUR_STEPS. */
  step: number;
  completed: boolean;
  /** The last move was made by the tour itself (the state showed the step done), not by the presenter. */
  auto: boolean;
  /** What the presenter opened during this tour: a fact for "Open Messages" and "Click Create". */
  opened: OpenTarget[];
}

export const TOUR_IDLE: TourState = { active: false, step: 0, completed: false, auto: false, opened: [] };

/**
 * The tour as what exists shows it: from the step it is on, past every step already done — so a
 * presenter who went ahead, or another way round (My Apple ID first, Tern Mail before Messages),
 * finds the tour where they are. It never goes back by itself; Back does that.
 */
export function catchUp(tour: TourState, facts: TourFacts): TourState {
  if (!tour.active || tour.completed) return tour;
  let step = tour.step;
  while (step < TOUR_STEPS.length && stepDone(step, facts)) step++;
  if (step === tour.step) return tour;
  return step === TOUR_STEPS.length ? { ...tour, step: TOUR_STEPS.length - 1, completed: true, auto: true } : { ...tour, step, auto: true };
}

/** The tour after the presenter opened a window (or My Apple ID, by Create): remembered as a fact. */
export function tourOpened(tour: TourState, target: OpenTarget): TourState {
  if (!tour.active || tour.completed || tour.opened.includes(target)) return tour;
  return { ...tour, opened: [...tour.opened, target] };
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
    const opened = Array.isArray(value.opened) ? value.opened.filter((t): t is OpenTarget => (OPEN_TARGETS as readonly unknown[]).includes(t)) : [];
    return { active: value.active === true, step, completed: value.completed === true, auto: false, opened };
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
