import type { ErrorPayload } from '../../preload/contract/error-codes.js';
import { currentLanguage } from '../i18n/index.js';
import { appApi } from '../shared/app-api.js';
import { toPayload, useControl } from './store.js';
import type { OpenTarget } from './tour.js';

/** Opened, or why not: an error of the service, or a pop-up the browser blocked. */
export type OpenOutcome = { ok: true } | { ok: false; error: ErrorPayload } | { ok: false; blocked: true };

/**
 * Opens one of TwoStep's windows or My Apple ID. The desktop app opens (or focuses) it
 * itself; browser mode answers `opened: false` and the page opens the address: the app
 * windows by name (so a second click focuses the same tab), My Apple ID in a new tab.
 */
export async function openTarget(target: OpenTarget): Promise<OpenOutcome> {
  try {
    if (target === 'account-site') {
      const { url, opened } = await appApi.openAccountSite({ page: 'manage', lang: currentLanguage() });
      if (!opened) window.open(url, '_blank', 'noopener');
    } else {
      const { opened } = await appApi.openWindow({ window: target });
      if (!opened && !window.open(`/${target}`, `twostep-${target}`)) return { ok: false, blocked: true };
    }
  } catch (error) {
    return { ok: false, error: toPayload(error) };
  }
  useControl.getState().opened(target);
  return { ok: true };
}
