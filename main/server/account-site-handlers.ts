import type { Context } from 'hono';
import type { AccountSiteContract } from '../../preload/contract/account-site-contract.js';
import type { HandlersOf } from '../../preload/contract/define.js';
import type { IdentityService } from '../identity/identity-service.js';
import type { Presenter } from '../presenter/presenter.js';
import { SESSION_KEY_HEADER, sessionRequest, tokenOrNull, type SessionRequest } from './session-request.js';
import { trustRequest, type TrustRequest } from './trust-request.js';

export const SESSION_COOKIE = 'twostep_site';
/**
 * The cookie is sent only to the site's API (the pages need no session). A cookie another port
 * plants for `/` then sits beside it rather than replacing it; one planted for this very path does
 * replace it (a browser keeps one cookie per name, host and path), and then the user is signed out
 * — never into another session, as the key half does not fit.
 */
export const SESSION_COOKIE_PATH = '/api/site';
/** Where the page sends the half of its session it keeps (`sessionKey`). */
export { SESSION_KEY_HEADER };

/** "Trust this browser?" at My Apple ID: its own cookie, for the site's API path (trust-request.ts). */
export const SITE_TRUST_COOKIE = 'twostep_site_trust';

/** What a handler gets: the session token (both halves, joined) and a way to set it; the browser's trust. */
export type SiteRequest = SessionRequest & { trust: TrustRequest };

/** My Apple ID's session: its cookie for the site's API (see session-request.ts). */
export function siteRequest(c: Context, isOpen: (token: string) => boolean): SiteRequest {
  // A session begun before the cookie kept to the API's path had it at `/`.
  const session = sessionRequest(c, { name: SESSION_COOKIE, path: SESSION_COOKIE_PATH, formerPaths: ['/'] }, isOpen);
  return { ...session, trust: trustRequest(c, { name: SITE_TRUST_COOKIE, path: SESSION_COOKIE_PATH }) };
}

/** The account site's methods, each a thin call into the identity service (or, for the language, the presenter state). */
export function accountSiteHandlers(service: IdentityService, presenter: Presenter): HandlersOf<AccountSiteContract, SiteRequest> {
  const signedIn = (req: SiteRequest, token: string) => {
    const sessionKey = req.startSession(token);
    return { account: service.accountSiteAccount(token), sessionKey };
  };
  return {
    session: (_input, req) => ({ account: service.accountSiteAccount(req.token()) }),
    signIn: async (input, req) => {
      const result = await service.signInAccountSite(input, req.trust.tokens());
      if (result.status === 'SIGNED_IN') return { status: 'SIGNED_IN', ...signedIn(req, result.token) };
      return result;
    },
    sendCode: (input) => service.sendAccountSiteCode(input),
    verifyCode: (input, req) => {
      const { token, askTrust } = service.completeAccountSiteSignIn(input);
      return { ...signedIn(req, token), askTrust };
    },
    signInDecision: (input, req) => service.accountSiteSignInDecision(input, req.signal),
    verifyRecoveryKey: (input, req) => signedIn(req, service.completeAccountSiteSignInWithRecoveryKey(input).token),
    signOut: (_input, req) => {
      const token = tokenOrNull(req);
      if (token) service.signOutAccountSite(token);
      req.endSession();
      return {};
    },
    decideTrust: (input, req) => {
      const trusted = service.trustedBrowsers.decide('account-site', req.token(), input, req.trust.browserName());
      return trusted ? { trusted: true, trustKey: req.trust.start(trusted.token), browser: trusted.browser } : { trusted: false };
    },
    trustedBrowsers: (_input, req) => service.trustedBrowsers.list(req.token()),
    removeTrustedBrowser: (input, req) => service.trustedBrowsers.remove(req.token(), input),
    listAppPasswords: (_input, req) => service.listAppPasswords(req.token()),
    createAppPassword: (input, req) => service.createAppPassword(req.token(), input),
    revokeAppPassword: (input, req) => service.revokeAppPassword(req.token(), input),
    revokeAllAppPasswords: (_input, req) => service.revokeAllAppPasswords(req.token()),
    changePassword: (input, req) => service.changePassword(req.token(), input),
    setSecurityLevel: (input, req) => service.setSecurityLevel(req.token(), input),
    replaceRecoveryKey: (input, req) => service.replaceRecoveryKey(req.token(), input),
    addTrustedPhone: (input, req) => service.addTrustedPhone(req.token(), input),
    resendTrustedPhoneCode: (input, req) => service.resendTrustedPhoneCode(req.token(), input),
    confirmTrustedPhone: (input, req) => service.confirmTrustedPhone(req.token(), input),
    removeTrustedDevice: (input, req) => service.removeTrustedDevice(req.token(), input),
    beginUnlock: (input) => ({ status: 'VERIFICATION_REQUIRED', ...service.beginUnlock(input) }),
    sendUnlockCode: (input) => service.sendUnlockCode(input),
    completeUnlock: (input) => service.completeUnlock(input),
    requestAccountRecovery: (input) => service.requestAccountRecovery(input),
    accountRecovery: (input) => service.accountRecovery(input),
    sendRecoveryCode: (input) => service.sendRecoveryCode(input),
    completeAccountRecovery: (input) => service.completeAccountRecovery(input),
    setLanguage: ({ lang }) => {
      presenter.setLanguage(lang);
      return presenter.siteState();
    },
  };
}
