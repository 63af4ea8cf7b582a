import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { vi } from 'vitest';
import type { ClientSessionView, ServiceEvent } from '../../../preload/contract/models.js';
import type { ClientStore } from '../../../renderer/client-apps/store.js';
import { initI18n, type Language } from '../../../renderer/i18n/index.js';
import { presenterStore } from '../../../renderer/shared/presenter.js';
import { fakeEventSource, fakeFetch, pushServiceEvent } from '../fakes.js';

export { fail, type Answer, type Handlers } from '../fakes.js';
export { button, buttons, click, field, press, settle, type } from '../dom.js';
import { settle } from '../dom.js';

/**
 * Renders one client app page against a fake /api/app (each method answers a value or an
 * error payload; every call is recorded) and a fake EventSource the test pushes service
 * events through, as browser mode's Server-Sent Events would.
 */

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export const SESSION: ClientSessionView = {
  id: 'session-1',
  clientKind: 'messages',
  appleId: 'demo@twostep.example',
  fullName: 'Taro Yamada',
  appPasswordLabel: 'iMessage and FaceTime',
  startedAt: Date.UTC(2015, 5, 1),
};

/** The client apps' fake /api/app. */
export const mockApi = fakeFetch;

/** Pushes a service event to every open stream, as main does. */
export async function emit(event: Exclude<ServiceEvent, { type: 'code-delivered' }>): Promise<void> {
  await pushServiceEvent(event);
  await settle();
}

let root: Root | null = null;
let container: HTMLElement | null = null;

export async function renderApp(app: ReactNode, store: ClientStore, lang: Language = 'en'): Promise<void> {
  window.localStorage.clear();
  fakeEventSource();
  store.setState(store.getInitialState(), true);
  initI18n('clientApps.messages.name', lang);
  container = document.createElement('div');
  document.body.appendChild(container);
  root = createRoot(container);
  await act(async () => {
    root!.render(app);
    await Promise.resolve();
  });
  await settle();
}

export async function cleanup(): Promise<void> {
  await act(async () => {
    root?.unmount();
    await Promise.resolve();
  });
  container?.remove();
  root = null;
  container = null;
  presenterStore.setState({ state: null });
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
}

/** The element's accessible name when it is labelled by other elements. */
export function labelledName(element: Element): string {
  const ids = element.getAttribute('aria-labelledby')?.split(/\s+/) ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent?.trim() ?? '').join(' ');
}

export function alerts(): string[] {
  return Array.from(document.querySelectorAll('[role="alert"]')).map((a) => a.textContent?.trim() ?? '');
}

