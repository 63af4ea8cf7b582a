import { z } from 'zod';
import type { CodeSent, SignInDecision } from './account-site-types.js';
import { method } from './define.js';
import { inputs } from './inputs.js';
import { placesInputs } from './places-inputs.js';
import type { ICloudWebHome, ICloudWebOpened, ICloudWebSignInResult } from './places-types.js';
import { trustInputs, type TrustAnswered, type TrustQuestion } from './trusted-browsers-types.js';

const none = z.strictObject({});

/**
 * What iCloud.com (the account site's origin, `/icloud`) may ask of the identity service, over
 * HTTP: `POST /api/icloud/<method>`. Its session travels in two halves as My Apple ID's does (an
 * HttpOnly cookie for `/api/icloud`, and `sessionKey` in the page's storage, sent in
 * `X-TwoStep-Session`), and is a session of iCloud.com only: My Apple ID's does not open it, nor
 * it My Apple ID.
 */
export const icloudWebContract = {
  session: method(none).returns<{ home: ICloudWebHome }>(),
  signIn: method(placesInputs.icloudSignIn).returns<ICloudWebSignInResult>(),
  sendCode: method(inputs.sendCode).returns<CodeSent>(),
  /**
   * Two-factor: waits up to 25 seconds for the trusted iPhone's answer to an iCloud.com sign-in's request,
   * as My Apple ID's (account-site-contract.ts); a verification of another place is not found here.
   */
  signInDecision: method(inputs.signInDecision).returns<SignInDecision>(),
  /** Under two-factor authentication `askTrust`: the page asks "Trust this browser?" next. */
  verifyCode: method(placesInputs.icloudVerifyCode).returns<ICloudWebOpened & TrustQuestion>(),
  /** "Trust this browser?" answered, as My Apple ID's (account-site-contract.ts), for iCloud.com's API path. */
  decideTrust: method(trustInputs.decideTrust).returns<TrustAnswered>(),
  signOut: method(none).returns<Record<string, never>>(),
  /** Settings ▸ Sign Out of All Browsers: every iCloud.com session of the account, this one too. */
  signOutAllBrowsers: method(none).returns<{ ended: number }>(),
};

export type ICloudWebContract = typeof icloudWebContract;
