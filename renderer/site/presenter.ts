import { create } from 'zustand';
import { SITE_PRESENTER_EVENTS_PATH, TOUR_STEP_IDS, type SitePresenterView, type TourBeacon } from '../../preload/contract/presenter.js';
import { isSitePath } from '../../preload/contract/site-routes.js';
import { asLanguage } from '../i18n/index.js';
import { connectLanguage, followLanguage } from '../i18n/language-sync.js';
import { applyLargeType } from '../shared/large-type.js';
import { site } from './api.js';
import { isLocalPath, navigate } from './router.js';
import { useSite } from './store.js';

/**
 * My Apple ID follows the running TwoStep without a session: one language for every page, the
 * tour step the presenter is on (for the banner), Large type, a Reset & restart (back to signing in), and
 * Create from a Mac app while this tab is open (this tab shows the page, instead of the
 * browser opening one more). The stream carries nothing else, and nothing secret.
 */
export const useSitePresenter = create<{ tour: TourBeacon | null }>()(() => ({ tour: null }));

function isView(value: unknown): value is SitePresenterView {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const tour = v.tour as Record<string, unknown> | null;
  return (
    asLanguage(v.lang as string) !== null &&
    typeof v.run === 'number' &&
    typeof v.largeType === 'boolean' &&
    (tour === null || (typeof tour === 'object' && (TOUR_STEP_IDS as readonly unknown[]).includes(tour.step) && typeof tour.completed === 'boolean'))
  );
}

/** A page of this site only (never another origin): the address without its `lang` (the language comes with the state). */
export function siteNavigationTarget(path: unknown): string | null {
  if (!isLocalPath(path)) return null;
  const url = new URL(path, 'http://site.invalid');
  if (url.origin !== 'http://site.invalid' || !isSitePath(url.pathname)) return null;
  url.searchParams.delete('lang');
  return url.pathname + url.search;
}

let lastRun: number | null = null;

function receive(data: unknown): void {
  if (!isView(data)) return;
  followLanguage(data.lang);
  applyLargeType(data.largeType);
  useSitePresenter.setState({ tour: data.tour });
  if (lastRun !== null && lastRun !== data.run) useSite.getState().restarted();
  lastRun = data.run;
}

function parse(message: MessageEvent<string>): unknown {
  try {
    return JSON.parse(message.data);
  } catch {
    return null;
  }
}

/** Connects this tab; the language switch tells TwoStep through the site's own contract. Returns the hang-up. */
export function connectSitePresenter(): () => void {
  connectLanguage((lang) => site.setLanguage({ lang }));
  // Test DOMs and old engines have no EventSource: the page then keeps its own language.
  if (typeof EventSource === 'undefined') return () => undefined;
  const source = new EventSource(SITE_PRESENTER_EVENTS_PATH);
  source.addEventListener('presenter', (message: MessageEvent<string>) => receive(parse(message)));
  source.addEventListener('navigate', (message: MessageEvent<string>) => {
    const target = siteNavigationTarget((parse(message) as { path?: unknown } | null)?.path);
    if (target) navigate(target);
  });
  return () => source.close();
}
