import type { TFunction } from 'i18next';
import { DEMO_IDENTITY } from '../../preload/contract/demo-identity.js';

/**
 * An account's full name as the reader sees it: the demo account's in their language (山田 太郎
 * in Japanese, family name first), any other exactly as it was stored.
 */
export function displayName(t: TFunction, account: { appleId: string; fullName: string }): string {
  const isDemo = account.appleId === DEMO_IDENTITY.appleId && account.fullName === DEMO_IDENTITY.fullName;
  return isDemo ? t('demo.fullName') : account.fullName;
}
