import { z } from 'zod';
import type { CodeSent, SignInDecision } from './account-site-types.js';
import { method } from './define.js';
import { inputs } from './inputs.js';
import { placesInputs } from './places-inputs.js';
import type { AppStoreSignInResult, AppStoreView, PlacesView } from './places-types.js';
import { trustInputs, type TrustedBrowserAdminView } from './trusted-browsers-types.js';

const none = z.strictObject({});

/**
 * The windows' side of the seed's remaining places (issue 19), part of the windows' contract
 * (app-contract.ts): the App Store window on this Mac, and the control center's view of the
 * places (browser sessions it can end, this Mac's store) and its way to open iCloud.com and the
 * support page in the browser.
 */
export const placesAppContract = {
  appStore: method(none).returns<AppStoreView>(),
  /** "Sign in to download from the App Store": on a Mac the account does not trust, a code follows. */
  appStoreSignIn: method(inputs.signIn).returns<AppStoreSignInResult>(),
  appStoreSendCode: method(inputs.sendCode).returns<CodeSent>(),
  /**
   * Two-factor: waits up to 25 seconds for the trusted iPhone's answer to an App Store sign-in's request,
   * as My Apple ID's (account-site-contract.ts); a verification of another place is not found here.
   */
  appStoreSignInDecision: method(inputs.signInDecision).returns<SignInDecision>(),
  appStoreVerifyCode: method(inputs.verifyCode).returns<AppStoreView>(),
  /** Get ▸ Install App (the apps are free). */
  appStoreGet: method(placesInputs.appStoreGet).returns<AppStoreView>(),
  appStoreSignOut: method(none).returns<AppStoreView>(),
  places: method(none).returns<PlacesView>(),
  endWebSession: method(placesInputs.webSession).returns<Record<string, never>>(),
  /** Two-factor authentication's trusted browsers, of every account; End makes one ask for a code again. */
  trustedBrowsers: method(none).returns<TrustedBrowserAdminView[]>(),
  endTrustedBrowser: method(trustInputs.trustedBrowser).returns<Record<string, never>>(),
  /**
   * Opens iCloud.com or the support page (the account site's origin). The desktop app opens the
   * default browser itself (`opened: true`); browser mode returns the URL for the page to open in
   * a tab of its own (`opened: false`).
   */
  openPlace: method(placesInputs.openPlace).returns<{ url: string; opened: boolean }>(),
};
