import type { ActivityEntry, SecurityLevel, SignedInClient } from '../../preload/contract/models.js';
import { TOUR_ROUTE_NAMES, TOUR_ROUTES, type TourBeacon, type TourRoute, type TourStepId } from '../../preload/contract/presenter.js';

/** What the control center can open: the app windows, the trusted iPhone, and My Apple ID. */
export const OPEN_TARGETS = ['messages', 'facetime', 'icloud', 'mail', 'appstore', 'iphone', 'account-site'] as const;
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
   * browser (there the site's banner shows the step, and the stage says to switch to it); null:
   * in the control center itself.
   */
  target: OpenTarget | null;
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

/**
 * The account's security level when `entry` was logged, read off the log's own level changes:
 * the level the latest change before it went to, or the one the first change after it came
 * from; with no change in the log, two-step verification — the demo account's level after every
 * Reset & restart. (The log's ids grow with time, whatever order the list is in.)
 */
export function levelAt(entry: ActivityEntry, activity: readonly ActivityEntry[]): SecurityLevel {
  let before: ActivityEntry | undefined;
  let after: ActivityEntry | undefined;
  for (const change of activity) {
    if (change.event !== 'security-level-changed' || change.outcome !== 'success') continue;
    if (change.id < entry.id) before = before && before.id > change.id ? before : change;
    else after = after && after.id < change.id ? after : change;
  }
  if (before) return before.detail.to as SecurityLevel;
  return after ? (after.detail.from as SecurityLevel) : 'two-step';
}

const loggedAt = (facts: TourFacts, level: SecurityLevel, test: (e: ActivityEntry) => boolean) =>
  facts.activity.some((e) => test(e) && levelAt(e, facts.activity) === level);
const fromMessages = (e: ActivityEntry) => (MESSAGES as readonly string[]).includes(e.source);
const myAppleIdCode = (e: ActivityEntry) => e.event === 'code-accepted' && e.source === 'account-site';

/**
 * Then and now (issue 19): the same two sign-ins — Messages on the Mac, then My Apple ID in the
 * browser — first under 2015's two-step verification, then, after the switch in the control
 * center, under today's two-factor authentication. Each step is judged by the level the log
 * shows at the time, so a sign-in made before the switch never counts for "now".
 */
export const THEN_AND_NOW_STEPS: readonly TourStep[] = [
  { id: 'thenMessages', target: 'messages', done: (f) => loggedAt(f, 'two-step', (e) => e.event === 'app-password-required' && fromMessages(e)) },
  { id: 'thenWeb', target: 'account-site', done: (f) => loggedAt(f, 'two-step', myAppleIdCode) },
  { id: 'switchLevel', target: null, done: (f) => logged(f, (e) => e.event === 'security-level-changed' && e.outcome === 'success' && e.detail.to === 'two-factor') },
  {
    id: 'nowMessages',
    target: 'messages',
    // Under two-factor authentication Messages signs in with the Apple ID password and a code: no app-specific password.
    done: (f) => loggedAt(f, 'two-factor', (e) => e.event === 'sign-in' && e.outcome === 'success' && fromMessages(e) && e.detail.with === 'password'),
  },
  { id: 'nowWeb', target: 'account-site', done: (f) => loggedAt(f, 'two-factor', myAppleIdCode) },
];

/** Each route's steps, as the contract lists them (what the site's banner may be told). */
export const ROUTE_STEPS: Record<TourRoute, readonly TourStep[]> = { seed: TOUR_STEPS, thenAndNow: THEN_AND_NOW_STEPS };
for (const route of TOUR_ROUTE_NAMES) {
  if (ROUTE_STEPS[route].map((s) => s.id).join() !== TOUR_ROUTES[route].join()) throw new Error(`the tour's ${route} steps and the contract's differ`);
}

/** The catalog keys that differ by route: how it is started, what it says at the end, what the third line of a step is. */
export const ROUTE_TEXT: Record<TourRoute, { start: string; intro: string; completedText: string; noteLabel: string }> = {
  seed: { start: 'tour.start', intro: 'tour.intro', completedText: 'tour.completedText', noteLabel: 'tour.seedLabel' },
  thenAndNow: { start: 'tour.thenAndNow.start', intro: 'tour.thenAndNow.intro', completedText: 'tour.thenAndNow.completedText', noteLabel: 'tour.thenAndNow.noteLabel' },
};

/** The Messages part of the seed's flow, in order: each step is done when a later one of it is (the password used means it was made). */
const MESSAGES_PART = TOUR_STEPS.findIndex((s) => s.id === 'useIt');

/**
 * Whether step `index` of `route` is done: by its own facts, or, within the seed's Messages
 * part, by a later step's. The then-and-now steps stand alone: "then" done says nothing of "now".
 */
export function stepDone(index: number, facts: TourFacts, route: TourRoute = 'seed'): boolean {
  const own = ROUTE_STEPS[route][index]!.done(facts);
  if (own || route !== 'seed' || index >= MESSAGES_PART) return own;
  return stepDone(index + 1, facts, route);
}

export interface TourState {
  active: boolean;
  route: TourRoute;
  /** 0-based index into the route's steps. */
  step: number;
  completed: boolean;
  /** The last move was made by the tour itself (the state showed the step done), not by the presenter. */
  auto: boolean;
  /** What the presenter opened during this tour: a fact for "Open Messages" and "Click Create". */
  opened: OpenTarget[];
}

export const TOUR_IDLE: TourState = { active: false, route: 'seed', step: 0, completed: false, auto: false, opened: [] };

/** The step the tour is on. */
export function currentStep(tour: TourState): TourStep {
  const steps = ROUTE_STEPS[tour.route];
  return steps[tour.step] ?? steps[0]!;
}

/**
 * The tour as what exists shows it: from the step it is on, past every step already done — so a
 * presenter who went ahead, or another way round (My Apple ID first, Tern Mail before Messages),
 * finds the tour where they are. It never goes back by itself; Back does that.
 */
export function catchUp(tour: TourState, facts: TourFacts): TourState {
  if (!tour.active || tour.completed) return tour;
  const length = ROUTE_STEPS[tour.route].length;
  let step = tour.step;
  while (step < length && stepDone(step, facts, tour.route)) step++;
  if (step === tour.step) return tour;
  return step === length ? { ...tour, step: length - 1, completed: true, auto: true } : { ...tour, step, auto: true };
}

/** The tour after the presenter opened a window (or My Apple ID, by Create): remembered as a fact. */
export function tourOpened(tour: TourState, target: OpenTarget): TourState {
  if (!tour.active || tour.completed || tour.opened.includes(target)) return tour;
  return { ...tour, opened: [...tour.opened, target] };
}

/** What the site's banner is told: the step's id only. */
export function tourBeacon(tour: TourState): TourBeacon | null {
  if (!tour.active) return null;
  return { step: currentStep(tour).id, completed: tour.completed };
}

const KEY = 'twostep.control.tour';

export function readTour(): TourState {
  try {
    const raw = window.sessionStorage.getItem(KEY);
    if (!raw) return TOUR_IDLE;
    const value = JSON.parse(raw) as Partial<TourState>;
    const route = TOUR_ROUTE_NAMES.find((r) => r === value.route) ?? 'seed';
    const last = ROUTE_STEPS[route].length - 1;
    const step = typeof value.step === 'number' && Number.isInteger(value.step) ? Math.min(Math.max(value.step, 0), last) : 0;
    const opened = Array.isArray(value.opened) ? value.opened.filter((t): t is OpenTarget => (OPEN_TARGETS as readonly unknown[]).includes(t)) : [];
    return { active: value.active === true, route, step, completed: value.completed === true, auto: false, opened };
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
