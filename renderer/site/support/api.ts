import type { SupportContract } from '../../../preload/contract/support-contract.js';
import { httpClient } from '../../shared/http-client.js';
import { originSecret } from '../../shared/origin-secret.js';

/**
 * Apple ID support's half of its session (the other is the HttpOnly cookie for /api/support):
 * a key of its own in this origin's storage — My Apple ID's and iCloud.com's are others — sent
 * with every call.
 */
export const supportKey = originSecret('twostep.supportKey');

export const support = httpClient<SupportContract>('/api/support', (): Record<string, string> => {
  const key = supportKey.get();
  return key ? { 'x-twostep-session': key } : {};
});
