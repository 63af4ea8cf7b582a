import { createRoot, type Root } from 'react-dom/client';
import { vi } from 'vitest';
import type { AccountView } from '../../preload/contract/models.js';
import { initI18n, type Language } from '../../renderer/i18n/index.js';
import { App } from '../../renderer/site/App.js';
import { syncLocation } from '../../renderer/site/router.js';
import { useSite } from '../../renderer/site/store.js';
import { fakeFetch } from './fakes.js';
import { run, settle } from './dom.js';

export { fail, type Answer, type Handlers } from './fakes.js';
export { button, buttons, click, field, settle, type } from './dom.js';

/**
 * Renders the account site at a URL against a fake /api/site: each method answers with a
 * value or an error payload, and every call is recorded with its body.
 */

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export const ACCOUNT: AccountView = {
  appleId: 'demo@twostep.example',
  fullName: 'Taro Yamada',
  securityLevel: 'two-step',
  devices: [
    { id: 1, kind: 'iphone', name: "Taro's iPhone", maskedName: "Taro's iPhone" },
    { id: 2, kind: 'phone', name: '+1 (202) 555-0123', maskedName: '+1 (•••) •••-••23' },
  ],
  passwordChangedAt: Date.UTC(2015, 5, 1),
  hasRecoveryKey: true,
  activeAppPasswords: 1,
};

/** The account site's fake /api/site. */
export const mockSite = fakeFetch;

let root: Root | null = null;
let container: HTMLElement | null = null;

export async function renderSite(url: string, lang: Language = 'en'): Promise<void> {
  window.sessionStorage.clear();
  window.localStorage.clear();
  window.history.replaceState(null, '', url);
  syncLocation();
  useSite.setState(useSite.getInitialState(), true);
  initI18n('app.siteTitle', lang);
  container = document.createElement('div');
  document.body.appendChild(container);
  root = createRoot(container);
  await run(() => root!.render(<App />));
  await settle();
}

export async function cleanup(): Promise<void> {
  await run(() => root?.unmount());
  container?.remove();
  root = null;
  container = null;
  vi.unstubAllGlobals();
}

