import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { vi } from 'vitest';
import type { AccountView } from '../../preload/contract/models.js';
import { initI18n, type Language } from '../../renderer/i18n/index.js';
import { App } from '../../renderer/site/App.js';
import { syncLocation } from '../../renderer/site/router.js';
import { useSite } from '../../renderer/site/store.js';
import { fakeFetch } from './fakes.js';

export { fail, type Answer, type Handlers } from './fakes.js';

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

/** Runs a synchronous step inside act() and waits for what it set off. */
async function run(step: () => void): Promise<void> {
  await act(async () => {
    step();
    await Promise.resolve();
  });
}

/** Lets pending fetches, state updates and effects finish. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

export function field(label: string): HTMLInputElement {
  const element = Array.from(document.querySelectorAll('label')).find((l) => l.textContent?.trim() === label);
  const input = element ? document.getElementById(element.htmlFor) : null;
  if (!(input instanceof HTMLInputElement)) throw new Error(`no field labelled "${label}"`);
  return input;
}

export function buttons(name: string, within: ParentNode = document): HTMLButtonElement[] {
  return Array.from(within.querySelectorAll('button')).filter((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name);
}

export function button(name: string, within: ParentNode = document): HTMLButtonElement {
  const found = buttons(name, within);
  if (found.length !== 1) throw new Error(`${found.length} buttons named "${name}"`);
  return found[0]!;
}

export async function type(input: HTMLInputElement, value: string): Promise<void> {
  await run(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function click(element: HTMLElement): Promise<void> {
  await run(() => element.click());
  await settle();
}
