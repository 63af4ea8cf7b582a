import type { Context } from 'hono';
import type { HandlersOf } from '../../preload/contract/define.js';
import type { ICloudWebContract } from '../../preload/contract/icloud-web-contract.js';
import type { IdentityService } from '../identity/identity-service.js';
import { KEEP_SIGNED_IN_MS } from '../identity/service/web-sessions.js';
import { sessionRequest, tokenOrNull, type SessionRequest } from './session-request.js';
import { trustRequest, type TrustRequest } from './trust-request.js';

export const ICLOUD_SESSION_COOKIE = 'twostep_icloud';
/** Sent only to iCloud.com's API: never to its pages, nor to My Apple ID's API. */
export const ICLOUD_SESSION_COOKIE_PATH = '/api/icloud';

/** "Trust this browser?" at iCloud.com: its own cookie, for iCloud.com's API path (trust-request.ts). */
export const ICLOUD_TRUST_COOKIE = 'twostep_icloud_trust';

export type ICloudRequest = SessionRequest & { trust: TrustRequest };

export function icloudRequest(c: Context, service: IdentityService): ICloudRequest {
  const session = sessionRequest(c, { name: ICLOUD_SESSION_COOKIE, path: ICLOUD_SESSION_COOKIE_PATH }, (token) => service.places.icloudSessionOpen(token));
  return { ...session, trust: trustRequest(c, { name: ICLOUD_TRUST_COOKIE, path: ICLOUD_SESSION_COOKIE_PATH }) };
}

/**
 * iCloud.com's methods, each a thin call into the identity service. "Keep me signed in" makes the
 * cookie outlive the browser's session (30 days, as the session does); without it the cookie
 * ends with the browser, and the session after 15 idle minutes.
 */
export function icloudWebHandlers(service: IdentityService): HandlersOf<ICloudWebContract, ICloudRequest> {
  const opened = (req: SessionRequest, token: string, keepSignedIn: boolean) => {
    const sessionKey = req.startSession(token, keepSignedIn ? KEEP_SIGNED_IN_MS : undefined);
    return { home: service.places.icloudHome(token), sessionKey };
  };
  return {
    session: (_input, req) => ({ home: service.places.icloudHome(req.token()) }),
    signIn: async (input, req) => {
      const result = await service.places.icloudSignIn(input, req.trust.tokens());
      if (result.status === 'SIGNED_IN') return { status: 'SIGNED_IN', ...opened(req, result.token, input.keepSignedIn) };
      return result;
    },
    sendCode: (input) => service.places.icloudSendCode(input),
    signInDecision: (input, req) => service.places.icloudSignInDecision(input, req.signal),
    verifyCode: (input, req) => {
      const { token, askTrust } = service.places.icloudVerifyCode(input);
      return { ...opened(req, token, input.keepSignedIn), askTrust };
    },
    decideTrust: (input, req) => {
      const trusted = service.trustedBrowsers.decide('icloud-web', req.token(), input, req.trust.browserName());
      return trusted ? { trusted: true, trustKey: req.trust.start(trusted.token), browser: trusted.browser } : { trusted: false };
    },
    signOut: (_input, req) => {
      const token = tokenOrNull(req);
      if (token) service.places.icloudSignOut(token);
      req.endSession();
      return {};
    },
    signOutAllBrowsers: (_input, req) => {
      const ended = service.places.icloudSignOutAllBrowsers(req.token());
      req.endSession();
      return ended;
    },
  };
}
