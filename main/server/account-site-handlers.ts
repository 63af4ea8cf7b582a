import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AccountSiteContract } from '../../preload/contract/account-site-contract.js';
import type { HandlersOf } from '../../preload/contract/define.js';
import type { IdentityService } from '../identity/identity-service.js';
import { IdentityError } from '../identity/identity-error.js';

export const SESSION_COOKIE = 'twostep_site';

/** What a handler gets: the browser's session token (from the cookie) and a way to set it. */
export interface SiteRequest {
  token(): string;
  startSession(token: string): void;
  endSession(): void;
}

export function siteRequest(c: Context): SiteRequest {
  return {
    token() {
      const token = getCookie(c, SESSION_COOKIE);
      if (!token || token.length > 100) throw new IdentityError('NOT_SIGNED_IN');
      return token;
    },
    startSession(token) {
      // HttpOnly: no script can read it; SameSite=Strict: no other site's page can send it.
      setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/' });
    },
    endSession() {
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
    },
  };
}

/** The account site's methods, each a thin call into the identity service. */
export function accountSiteHandlers(service: IdentityService): HandlersOf<AccountSiteContract, SiteRequest> {
  const signedIn = (req: SiteRequest, token: string) => {
    req.startSession(token);
    return { account: service.accountSiteAccount(token) };
  };
  return {
    session: (_input, req) => ({ account: service.accountSiteAccount(req.token()) }),
    signIn: async (input, req) => {
      const result = await service.signInAccountSite(input);
      if (result.status === 'SIGNED_IN') return { status: 'SIGNED_IN', ...signedIn(req, result.token) };
      return result;
    },
    sendCode: (input) => service.sendAccountSiteCode(input),
    verifyCode: (input, req) => signedIn(req, service.completeAccountSiteSignIn(input).token),
    verifyRecoveryKey: (input, req) => signedIn(req, service.completeAccountSiteSignInWithRecoveryKey(input).token),
    signOut: (_input, req) => {
      const token = (() => {
        try {
          return req.token();
        } catch {
          return null;
        }
      })();
      if (token) service.signOutAccountSite(token);
      req.endSession();
      return {};
    },
    listAppPasswords: (_input, req) => service.listAppPasswords(req.token()),
    createAppPassword: (input, req) => service.createAppPassword(req.token(), input),
    revokeAppPassword: (input, req) => service.revokeAppPassword(req.token(), input),
    revokeAllAppPasswords: (_input, req) => service.revokeAllAppPasswords(req.token()),
    changePassword: (input, req) => service.changePassword(req.token(), input),
    setSecurityLevel: (input, req) => service.setSecurityLevel(req.token(), input),
    addTrustedPhone: (input, req) => service.addTrustedPhone(req.token(), input),
    removeTrustedDevice: (input, req) => service.removeTrustedDevice(req.token(), input),
    beginUnlock: (input) => ({ status: 'VERIFICATION_REQUIRED', ...service.beginUnlock(input) }),
    sendUnlockCode: (input) => service.sendUnlockCode(input),
    completeUnlock: (input) => service.completeUnlock(input),
  };
}
