import type { AccountSiteContract } from '../../preload/contract/account-site-contract.js';
import type { ErrorPayload } from '../../preload/contract/error-codes.js';
import { ApiError, httpClient } from '../shared/http-client.js';
import { originSecret } from '../shared/origin-secret.js';

/**
 * The half of the session this page keeps (the other is the HttpOnly cookie): sent with every
 * call, so a cookie that reached a server on another port is of no use there.
 */
export const sessionKey = originSecret('twostep.sessionKey');

/**
 * The half of "Trust this browser?" this page keeps (two-factor authentication; the other is an
 * HttpOnly cookie): outlives signing out, as trusting a browser means.
 */
export const siteTrustKey = originSecret('twostep.siteTrustKey');

/** The account site's only way to the identity service: the typed contract over HTTP. */
export const site = httpClient<AccountSiteContract>('/api/site', (): Record<string, string> => {
  const key = sessionKey.get();
  const trust = siteTrustKey.get();
  return { ...(key ? { 'x-twostep-session': key } : {}), ...(trust ? { 'x-twostep-trust': trust } : {}) };
});

export function toPayload(error: unknown): ErrorPayload {
  if (error instanceof ApiError) return error.payload;
  return { code: 'INTERNAL', messageKey: 'errors.INTERNAL' };
}

export function isSessionError(payload: ErrorPayload): boolean {
  return payload.code === 'NOT_SIGNED_IN' || payload.code === 'SESSION_EXPIRED';
}
