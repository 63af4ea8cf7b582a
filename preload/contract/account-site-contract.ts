import { z } from 'zod';
import type { AccountRecoveryView, CodeSent, PasswordChanged, PhoneVerification, SecurityChanged, SessionOpened, SignInChallenge } from './account-site-types.js';
import { twoFactorAppsInputs } from './two-factor-apps-inputs.js';
import { method } from './define.js';
import { inputs } from './inputs.js';
import type { AccountView, AppPasswordView, NewAppPassword } from './models.js';
import { presenterInputs } from './presenter-inputs.js';
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
  verifyCode: method(inputs.verifyCode).returns<SessionOpened>(),
  verifyRecoveryKey: method(inputs.verifyRecoveryKey).returns<SessionOpened>(),
  signOut: method(none).returns<Record<string, never>>(),
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
