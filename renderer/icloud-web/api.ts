import type { AccountSiteContract } from '../../preload/contract/account-site-contract.js';
import type { ErrorPayload } from '../../preload/contract/error-codes.js';
import type { ICloudWebContract } from '../../preload/contract/icloud-web-contract.js';
import { ApiError, httpClient } from '../shared/http-client.js';
import { originSecret } from '../shared/origin-secret.js';

/**
 * iCloud.com's half of its session (the other is the HttpOnly cookie for /api/icloud): kept in
 * this origin's storage under a name of its own — My Apple ID's key is another — and sent with
 * every call, so a cookie carried off to another port is of no use there.
 */
export const icloudKey = originSecret('twostep.icloudKey');

/** iCloud.com's half of "Trust this browser?" (two-factor authentication): kept past signing out. */
export const icloudTrustKey = originSecret('twostep.icloudTrustKey');

export const icloud = httpClient<ICloudWebContract>('/api/icloud', (): Record<string, string> => {
  const key = icloudKey.get();
  const trust = icloudTrustKey.get();
  return { ...(key ? { 'x-twostep-session': key } : {}), ...(trust ? { 'x-twostep-trust': trust } : {}) };
});

/** The language switch tells TwoStep through the site's own call, which needs no session. */
export const siteLanguage = httpClient<Pick<AccountSiteContract, 'setLanguage'>>('/api/site');

export function toPayload(error: unknown): ErrorPayload {
  return error instanceof ApiError ? error.payload : { code: 'INTERNAL', messageKey: 'errors.INTERNAL' };
}

export function isSessionError(payload: ErrorPayload): boolean {
  return payload.code === 'NOT_SIGNED_IN' || payload.code === 'SESSION_EXPIRED';
}
