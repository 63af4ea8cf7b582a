import type { HandlersOf } from '../../preload/contract/define.js';
import type { placesAppContract } from '../../preload/contract/places-app-contract.js';
import { ICLOUD_WEB_ROUTES, SUPPORT_PATH } from '../../preload/contract/place-routes.js';
import type { OpenPlaceTarget } from '../../preload/contract/places-types.js';
import type { IdentityService } from '../identity/identity-service.js';
import type { Shell } from './app-handlers.js';

/** iCloud.com or the support page, on the account site's origin, in the language asked. */
export function placeUrl(origin: string, place: OpenPlaceTarget, lang: 'en' | 'ja'): string {
  const url = new URL(place === 'icloud-web' ? ICLOUD_WEB_ROUTES.home : SUPPORT_PATH, origin);
  url.searchParams.set('lang', lang);
  return url.toString();
}

/**
 * The handlers are shared by both transports, and so is their second argument: over HTTP (browser
 * mode) it is the request's abort signal, which fires when the tab closes or reloads; over IPC it
 * is the event — a window of the app itself, whose wait simply ends by its time.
 */
function hangUpOf(call: unknown): AbortSignal | undefined {
  return call instanceof AbortSignal ? call : undefined;
}

/** The windows' handlers of the places (issue 19): the App Store window, and the control center's part. */
export function placesHandlers(service: IdentityService, shell: Shell): HandlersOf<typeof placesAppContract, unknown> {
  const { places } = service;
  return {
    appStore: () => places.appStore(),
    appStoreSignIn: (input) => places.appStoreSignIn(input),
    appStoreSendCode: (input) => places.appStoreSendCode(input),
    appStoreSignInDecision: (input, call) => places.appStoreSignInDecision(input, hangUpOf(call)),
    appStoreVerifyCode: (input) => places.appStoreVerifyCode(input),
    appStoreGet: (input) => places.appStoreGet(input),
    appStoreSignOut: () => places.appStoreSignOut(),
    places: () => places.view(),
    endWebSession: (input) => {
      places.endWebSession(input);
      return {};
    },
    trustedBrowsers: () => service.trustedBrowsers.all(),
    endTrustedBrowser: (input) => {
      service.trustedBrowsers.end(input);
      return {};
    },
    openPlace: async ({ place, lang }) => {
      const url = placeUrl(shell.accountSiteOrigin(), place, lang);
      if (!shell.openInBrowser) return { url, opened: false };
      await shell.openInBrowser(url);
      return { url, opened: true };
    },
  };
}
