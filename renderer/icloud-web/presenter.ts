import { SITE_PRESENTER_EVENTS_PATH, type SitePresenterView } from '../../preload/contract/presenter.js';
import { PLACE_PRESENTER_PAGE } from '../../preload/contract/place-routes.js';
import { asLanguage } from '../i18n/index.js';
import { connectLanguage, followLanguage } from '../i18n/language-sync.js';
import { siteLanguage } from './api.js';
import { useICloud } from './store.js';

let lastRun: number | null = null;

function receive(data: unknown): void {
  if (typeof data !== 'object' || data === null) return;
  const view = data as Partial<SitePresenterView>;
  const lang = asLanguage(view.lang);
  if (lang) followLanguage(lang);
  if (typeof view.run !== 'number') return;
  if (lastRun !== null && lastRun !== view.run) useICloud.getState().restarted();
  lastRun = view.run;
}

/**
 * iCloud.com follows the running TwoStep as My Apple ID does — one language for every page, a
 * Reset & restart back to signing in — on the site's public stream, as a page that is not a My
 * Apple ID tab (Create never sends it My Apple ID's pages). Returns the hang-up.
 */
export function connectICloudPresenter(): () => void {
  connectLanguage((lang) => siteLanguage.setLanguage({ lang }));
  if (typeof EventSource === 'undefined') return () => undefined;
  const source = new EventSource(`${SITE_PRESENTER_EVENTS_PATH}?page=${PLACE_PRESENTER_PAGE}`);
  source.addEventListener('presenter', (message: MessageEvent<string>) => {
    try {
      receive(JSON.parse(message.data));
    } catch {
      // Not JSON: ignored, as everything malformed the page is sent.
    }
  });
  return () => source.close();
}
