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

/**
 * A trusted device's name as the reader sees it: the demo iPhone as iOS names a phone in their
 * language (Taro's iPhone, 太郎の iPhone), any other exactly as it was stored.
 */
export function deviceName(t: TFunction, name: string): string {
  return name === DEMO_IDENTITY.iphone ? t('demo.iphone') : name;
}
