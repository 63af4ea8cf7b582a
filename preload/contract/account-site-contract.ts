import { z } from 'zod';
import type { AccountRecoveryView, CodeSent, PasswordChanged, PhoneVerification, SecurityChanged, SessionOpened, SignInChallenge, SignInDecision } from './account-site-types.js';
import { twoFactorAppsInputs } from './two-factor-apps-inputs.js';
import { method } from './define.js';
import { inputs } from './inputs.js';
import type { AccountView, AppPasswordView, NewAppPassword } from './models.js';
import { presenterInputs } from './presenter-inputs.js';
import { trustInputs, type TrustAnswered, type TrustedBrowserView, type TrustQuestion } from './trusted-browsers-types.js';
import type { SitePresenterView } from './presenter.js';

const none = z.strictObject({});

/**
 * What the account site ("My Apple ID") in the browser may ask of the identity service, over
 * HTTP: `POST /api/site/<method>` with a JSON body, answered with a `Result`. A session travels
 * in two halves: an HttpOnly cookie the page cannot read, and `sessionKey`, which the page keeps
 * in its own origin's storage and sends in the `X-TwoStep-Session` header. Cookies are shared by
 * every port of 127.0.0.1; the key is not, so a cookie carried off to another port is useless.
 */
export const accountSiteContract = {
  session: method(none).returns<{ account: AccountView }>(),
  signIn: method(inputs.signIn).returns<({ status: 'SIGNED_IN' } & SessionOpened) | SignInChallenge>(),
  sendCode: method(inputs.sendCode).returns<CodeSent>(),
  /** Under two-factor authentication `askTrust`: the page asks "Trust this browser?" next. */
  verifyCode: method(inputs.verifyCode).returns<SessionOpened & TrustQuestion>(),
  /**
   * Two-factor: waits up to 25 seconds for the trusted iPhone's answer to the sign-in's request —
   * 'allowed' (the code is on the iPhone), 'pending' (ask again), or SIGN_IN_DENIED at once.
   */
  signInDecision: method(inputs.signInDecision).returns<SignInDecision>(),
  verifyRecoveryKey: method(inputs.verifyRecoveryKey).returns<SessionOpened>(),
  signOut: method(none).returns<Record<string, never>>(),
  /**
   * "Trust this browser?" answered, in the session the code just opened: with Trust, the trust's
   * key half (`trustKey`, kept by the page and sent in `X-TwoStep-Trust`; the other half is an
   * HttpOnly cookie for this API's path) — the next sign-in here needs only the password.
   */
  decideTrust: method(trustInputs.decideTrust).returns<TrustAnswered>(),
  /** Password and Security: the browsers trusted by this account, and Remove. */
  trustedBrowsers: method(none).returns<TrustedBrowserView[]>(),
  removeTrustedBrowser: method(trustInputs.trustedBrowser).returns<TrustedBrowserView[]>(),
  listAppPasswords: method(none).returns<AppPasswordView[]>(),
  createAppPassword: method(inputs.createAppPassword).returns<NewAppPassword>(),
  revokeAppPassword: method(inputs.appPassword).returns<{ signedOutApps: number }>(),
  revokeAllAppPasswords: method(none).returns<{ revoked: number; signedOutApps: number }>(),
  changePassword: method(inputs.changePassword).returns<PasswordChanged>(),
  setSecurityLevel: method(inputs.setSecurityLevel).returns<SecurityChanged>(),
  replaceRecoveryKey: method(inputs.replaceRecoveryKey).returns<{ recoveryKey: string }>(),
  addTrustedPhone: method(inputs.addTrustedPhone).returns<PhoneVerification>(),
  resendTrustedPhoneCode: method(inputs.phoneVerification).returns<PhoneVerification>(),
  confirmTrustedPhone: method(inputs.confirmTrustedPhone).returns<AccountView>(),
  removeTrustedDevice: method(inputs.removeTrustedDevice).returns<AccountView>(),
  beginUnlock: method(inputs.beginUnlock).returns<SignInChallenge>(),
  sendUnlockCode: method(inputs.sendCode).returns<CodeSent>(),
  completeUnlock: method(inputs.completeUnlock).returns<PasswordChanged>(),
  /** Two-factor authentication has no recovery key: account recovery, with its waiting period. */
  requestAccountRecovery: method(twoFactorAppsInputs.requestAccountRecovery).returns<AccountRecoveryView>(),
  accountRecovery: method(twoFactorAppsInputs.accountRecovery).returns<AccountRecoveryView>(),
  sendRecoveryCode: method(twoFactorAppsInputs.accountRecovery).returns<CodeSent>(),
  completeAccountRecovery: method(twoFactorAppsInputs.completeAccountRecovery).returns<PasswordChanged>(),
  /**
   * The language switch: one language for every page of both origins. Needs no session (the
   * sign-in page has the switch too) and changes nothing of any account. The site follows the
   * presenter state on `GET /api/presenter/events`.
   */
  setLanguage: method(presenterInputs.setLanguage).returns<SitePresenterView>(),
};

export type AccountSiteContract = typeof accountSiteContract;
