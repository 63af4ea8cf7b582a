import { z } from 'zod';
import type { CodeSent, PasswordChanged, SecurityChanged, SignInChallenge } from './account-site-types.js';
import { method } from './define.js';
import { inputs } from './inputs.js';
import type { AccountView, AppPasswordView, NewAppPassword } from './models.js';

const none = z.strictObject({});

/**
 * What the account site ("My Apple ID") in the browser may ask of the identity service, over
 * HTTP: `POST /api/site/<method>` with a JSON body, answered with a `Result`. The session is
 * the HttpOnly cookie, never a value the page can read.
 */
export const accountSiteContract = {
  session: method(none).returns<{ account: AccountView }>(),
  signIn: method(inputs.signIn).returns<{ status: 'SIGNED_IN'; account: AccountView } | SignInChallenge>(),
  sendCode: method(inputs.sendCode).returns<CodeSent>(),
  verifyCode: method(inputs.verifyCode).returns<{ account: AccountView }>(),
  verifyRecoveryKey: method(inputs.verifyRecoveryKey).returns<{ account: AccountView }>(),
  signOut: method(none).returns<Record<string, never>>(),
  listAppPasswords: method(none).returns<AppPasswordView[]>(),
  createAppPassword: method(inputs.createAppPassword).returns<NewAppPassword>(),
  revokeAppPassword: method(inputs.appPassword).returns<{ signedOutApps: number }>(),
  revokeAllAppPasswords: method(none).returns<{ revoked: number; signedOutApps: number }>(),
  changePassword: method(inputs.changePassword).returns<PasswordChanged>(),
  setSecurityLevel: method(inputs.setSecurityLevel).returns<SecurityChanged>(),
  addTrustedPhone: method(inputs.addTrustedPhone).returns<AccountView>(),
  removeTrustedDevice: method(inputs.trustedDevice).returns<AccountView>(),
  beginUnlock: method(inputs.beginUnlock).returns<SignInChallenge>(),
  sendUnlockCode: method(inputs.sendCode).returns<CodeSent>(),
  completeUnlock: method(inputs.completeUnlock).returns<PasswordChanged>(),
};

export type AccountSiteContract = typeof accountSiteContract;
