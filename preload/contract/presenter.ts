/**
 * The presenter's side of a running TwoStep: what every page of both origins follows (the
 * language, where the guided tour is, a Reset & restart) and the presenter's clock. Plain data
 * and schemas: main keeps the state, the pages show it. None of it is a secret: no code, no
 * password, no session ever travels here, which is why the account site may read it without
 * signing in. Plain data (no zod: every page loads it); the schemas are in presenter-inputs.ts.
 */

export const LANGUAGES = ['en', 'ja'] as const;
export type PresenterLanguage = (typeof LANGUAGES)[number];

/**
 * The guided tour's routes and their steps in order. `seed`: the seed's flow as a presenter walks
 * through it. `thenAndNow`: the same sign-ins (Messages, then My Apple ID) under 2015's two-step
 * verification, then under today's two-factor authentication. The ids name the catalog's
 * `tour.steps.<id>` messages, so the account site can show the step it is told about in its own
 * words; no id is in two routes, so a step names its route.
 */
export const TOUR_ROUTES = {
  seed: ['openMessages', 'signIn', 'create', 'portalSignIn', 'chooseDevice', 'readCode', 'createPassword', 'useIt', 'mail', 'revoke'],
  thenAndNow: ['thenMessages', 'thenWeb', 'switchLevel', 'nowMessages', 'nowWeb'],
} as const;
export type TourRoute = keyof typeof TOUR_ROUTES;
export const TOUR_ROUTE_NAMES = Object.keys(TOUR_ROUTES) as TourRoute[];

export const TOUR_STEP_IDS = [...TOUR_ROUTES.seed, ...TOUR_ROUTES.thenAndNow] as const;
export type TourStepId = (typeof TOUR_STEP_IDS)[number];

/** The route a step belongs to, and where it stands in it (1-based), for "Step n of total". */
export function tourPosition(step: TourStepId): { route: TourRoute; n: number; total: number } {
  for (const route of TOUR_ROUTE_NAMES) {
    const steps: readonly TourStepId[] = TOUR_ROUTES[route];
    const index = steps.indexOf(step);
    if (index >= 0) return { route, n: index + 1, total: steps.length };
  }
  throw new Error(`no tour route has the step ${step}`);
}

/** Where the tour is, as the page that runs it tells main (null: no tour running). */
export interface TourBeacon {
  step: TourStepId;
  completed: boolean;
}

/**
 * The OS X version of the stage's Mac (the control center's Scenarios): under two-factor
 * authentication Messages and FaceTime on 10.11 El Capitan or later ask for the code in the app;
 * on 10.10 Yosemite the code is typed after the password.
 */
export const MAC_OS_VERSIONS = ['10.11', '10.10'] as const;
export type MacOsVersion = (typeof MAC_OS_VERSIONS)[number];

/**
 * The most the presenter clock may run ahead: 60 days cover everything a demo shows passing —
 * a code's 10 minutes, a lock's day, account recovery's waiting days, a trusted browser's 30 days.
 */
export const MAX_CLOCK_SKIP_MS = 60 * 24 * 60 * 60_000;

export interface PresenterState {
  lang: PresenterLanguage;
  tour: TourBeacon | null;
  /** How far the presenter moved the identity service's clock ahead of real time, in ms. */
  skippedMs: number;
  /** Counts Reset & restart: a page that sees it change puts itself back to its first state. */
  run: number;
  /** How many My Apple ID tabs are open now (each holds the site's presenter stream). */
  siteTabs: number;
  /**
   * Large type, for a projector: every page draws its text big enough to read from the back of
   * a room (the stage, the control center, the iPhone, the apps and My Apple ID alike).
   */
  largeType: boolean;
  /** The stage's Mac's OS X version; Reset & restart makes it 10.11 again. */
  macOs: MacOsVersion;
}

/** What the account site's pages see: the language, the tour, the restarts, Large type. */
export type SitePresenterView = Pick<PresenterState, 'lang' | 'tour' | 'run' | 'largeType'>;

export function siteView(state: PresenterState): SitePresenterView {
  return { lang: state.lang, tour: state.tour, run: state.run, largeType: state.largeType };
}

/** The account site's stream (`GET /api/presenter/events`), for pages that need no session. */
export const SITE_PRESENTER_EVENTS_PATH = '/api/presenter/events';
/** The app server's stream, behind the launch key like the rest of its API. */
export const APP_PRESENTER_EVENTS_PATH = '/api/app/presenter-events';

/** An instruction to the open My Apple ID tab: show this page of the site (Create, reused). */
export interface SiteNavigation {
  path: string;
}
