import { currentLanguage } from '../i18n/index.js';
import { appApi } from './app-api.js';
import { presenterStore } from './presenter.js';

/** The one browser tab My Apple ID opens in, from any TwoStep page. */
export const ACCOUNT_SITE_TAB = 'twostep-account-site';

/** Opened in a tab; shown in the tab already open (the presenter switches to it); or blocked. */
export type SiteOpened = 'opened' | 'reused' | 'blocked';

const openedListeners = new Set<(page: 'generate' | 'manage') => void>();

/** Told each time this page opened (or reused) My Apple ID: the tour's "Click Create" is then done. */
export function onAccountSiteOpened(listener: (page: 'generate' | 'manage') => void): () => void {
  openedListeners.add(listener);
  return () => openedListeners.delete(listener);
}

function told(page: 'generate' | 'manage', outcome: SiteOpened): SiteOpened {
  if (outcome !== 'blocked') for (const listener of [...openedListeners]) listener(page);
  return outcome;
}

/**
 * Opens My Apple ID: the generate page with its label (Create) or the Manage page.
 *
 * Call it from the click handler itself, not after an await: a popup blocker (Safari's,
 * Firefox's) lets a new tab through only in the click's own task. So the tab is opened at once,
 * empty, and pointed at the address when the server answers with it. When a My Apple ID tab is
 * open already, the server has that tab show the page instead, and no tab is opened: the site
 * sends a Cross-Origin-Opener-Policy, which keeps window.open from finding its tab by name.
 * The desktop app opens the default browser itself.
 */
export function openAccountSiteTab(request: { page: 'generate' | 'manage'; label?: string }): Promise<SiteOpened> {
  const input = { page: request.page, lang: currentLanguage(), ...(request.label ? { label: request.label } : {}) };
  if (window.twostep) return appApi.openAccountSite(input).then(() => told(request.page, 'opened'));
  const reuse = (presenterStore.getState().state?.siteTabs ?? 0) > 0;
  const tab = reuse ? null : window.open('', ACCOUNT_SITE_TAB);
  return appApi.openAccountSite({ ...input, reuseOpenTab: reuse }).then(
    ({ url, opened }): SiteOpened => {
      if (opened) return told(request.page, 'reused');
      if (tab && !tab.closed) {
        tab.location.href = url;
        return told(request.page, 'opened');
      }
      // The open tab closed meanwhile (or the blocker took the empty one): one more try.
      return told(request.page, window.open(url, ACCOUNT_SITE_TAB) ? 'opened' : 'blocked');
    },
    (error: unknown) => {
      tab?.close();
      throw error;
    },
  );
}
