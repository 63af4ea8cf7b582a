import type { TFunction } from 'i18next';
import type { TrustedBrowserView } from '../../preload/contract/trusted-browsers-types.js';

/** "Chrome on Mac" / "Mac の Chrome": what the lists call a trusted browser, in the reader's language. */
export function trustedBrowserName(t: TFunction, browser: Pick<TrustedBrowserView, 'browser' | 'os'>): string {
  return t('trustedBrowsers.browserName', { browser: t(`trustedBrowsers.browsers.${browser.browser}`), os: t(`trustedBrowsers.systems.${browser.os}`) });
}

export function trustPlaceName(t: TFunction, place: TrustedBrowserView['place']): string {
  return t(`trustedBrowsers.places.${place}`);
}
