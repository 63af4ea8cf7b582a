import type { AccountSiteContract } from '../../preload/contract/account-site-contract.js';
import type { ErrorPayload } from '../../preload/contract/error-codes.js';
import { ApiError, httpClient } from '../shared/http-client.js';

/** The account site's only way to the identity service: the typed contract over HTTP. */
export const site = httpClient<AccountSiteContract>('/api/site');

export function toPayload(error: unknown): ErrorPayload {
  if (error instanceof ApiError) return error.payload;
  return { code: 'INTERNAL', messageKey: 'errors.INTERNAL' };
}

export function isSessionError(payload: ErrorPayload): boolean {
  return payload.code === 'NOT_SIGNED_IN' || payload.code === 'SESSION_EXPIRED';
}
