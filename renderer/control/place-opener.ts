import type { OpenPlaceTarget } from '../../preload/contract/places-types.js';
import { currentLanguage } from '../i18n/index.js';
import { appApi } from '../shared/app-api.js';

/** The browser tab each place opens in, from any TwoStep page: one tab per place. */
export function placeTabName(place: OpenPlaceTarget): string {
  return `twostep-${place}`;
}

/**
 * Opens iCloud.com or Apple ID support (the account site's origin) in the browser. Called from
 * the click itself: the tab is opened at once, empty, as popup blockers require, and pointed at
 * the address when TwoStep answers with it; a tab of that name open already is reused (it is not
 * My Apple ID's tab, so iCloud.com and My Apple ID stand side by side). The desktop app opens the
 * default browser itself.
 */
export async function openPlaceTab(place: OpenPlaceTarget): Promise<'opened' | 'blocked'> {
  const input = { place, lang: currentLanguage() };
  if (window.twostep) {
    await appApi.openPlace(input);
    return 'opened';
  }
  const tab = window.open('', placeTabName(place));
  try {
    const { url } = await appApi.openPlace(input);
    if (tab && !tab.closed) {
      tab.location.href = url;
      return 'opened';
    }
    return window.open(url, placeTabName(place)) ? 'opened' : 'blocked';
  } catch (error) {
    tab?.close();
    throw error;
  }
}
