import { z } from 'zod';
import type { CodeSent, SignInDecision } from './account-site-types.js';
import { method } from './define.js';
import { inputs } from './inputs.js';
import { placesInputs } from './places-inputs.js';
import type { SupportCaseView, SupportOpened, SupportSignInResult, SupportView } from './places-types.js';

const none = z.strictObject({});

/**
 * What Apple ID support (the account site's origin, `/support`) may ask of the identity service:
 * `POST /api/support/<method>`. Nothing about an account is answered before the user has proven
 * who they are (the password, then a code): `session` and `openCase` need the session that
 * `verifyCode` opens, in two halves as My Apple ID's (a cookie for `/api/support`, and
 * `sessionKey` in `X-TwoStep-Session`).
 */
export const supportContract = {
  session: method(none).returns<SupportView>(),
  signIn: method(inputs.signIn).returns<SupportSignInResult>(),
  sendCode: method(inputs.sendCode).returns<CodeSent>(),
  /**
   * Two-factor: waits up to 25 seconds for the trusted iPhone's answer to a support sign-in's request,
   * as My Apple ID's (account-site-contract.ts); a verification of another place is not found here.
   */
  signInDecision: method(inputs.signInDecision).returns<SignInDecision>(),
  verifyCode: method(inputs.verifyCode).returns<SupportOpened>(),
  openCase: method(placesInputs.supportCase).returns<SupportCaseView>(),
  signOut: method(none).returns<Record<string, never>>(),
};

export type SupportContract = typeof supportContract;
