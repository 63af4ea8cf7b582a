import type { Context } from 'hono';
import type { HandlersOf } from '../../preload/contract/define.js';
import type { SupportContract } from '../../preload/contract/support-contract.js';
import type { IdentityService } from '../identity/identity-service.js';
import { sessionRequest, tokenOrNull, type SessionRequest } from './session-request.js';

export const SUPPORT_SESSION_COOKIE = 'twostep_support';
/** Sent only to the support page's API. */
export const SUPPORT_SESSION_COOKIE_PATH = '/api/support';

export function supportRequest(c: Context, service: IdentityService): SessionRequest {
  return sessionRequest(c, { name: SUPPORT_SESSION_COOKIE, path: SUPPORT_SESSION_COOKIE_PATH }, (token) => service.places.supportSessionOpen(token));
}

/** Apple ID support's methods, each a thin call into the identity service. */
export function supportHandlers(service: IdentityService): HandlersOf<SupportContract, SessionRequest> {
  const opened = (req: SessionRequest, token: string) => {
    const sessionKey = req.startSession(token);
    return { support: service.places.support(token), sessionKey };
  };
  return {
    session: (_input, req) => service.places.support(req.token()),
    signIn: async (input, req) => {
      const result = await service.places.supportSignIn(input);
      if (result.status === 'SIGNED_IN') return { status: 'SIGNED_IN', ...opened(req, result.value) };
      return result;
    },
    sendCode: (input) => service.places.supportSendCode(input),
    signInDecision: (input, req) => service.places.supportSignInDecision(input, req.signal),
    verifyCode: (input, req) => opened(req, service.places.supportVerifyCode(input).token),
    openCase: (input, req) => service.places.openSupportCase(req.token(), input),
    signOut: (_input, req) => {
      const token = tokenOrNull(req);
      if (token) service.places.supportSignOut(token);
      req.endSession();
      return {};
    },
  };
}
