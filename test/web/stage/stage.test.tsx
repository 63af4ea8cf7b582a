// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PresenterState } from '../../../preload/contract/presenter.js';
import { useControl } from '../../../renderer/control/store.js';
import { TOUR_IDLE } from '../../../renderer/control/tour.js';
import { initI18n } from '../../../renderer/i18n/index.js';
import { presenterStore, receivePresenterState } from '../../../renderer/shared/presenter.js';
import { StageApp } from '../../../renderer/stage/StageApp.js';
import { click, press, settle, type } from '../dom.js';
import { fakeEventSource, fakeFetch } from '../fakes.js';

/**
 * The stage in happy-dom against a fake /api/app: one page, four Mac windows each with its own
 * state, opened (never reloaded) from the Dock or the control center, and put back by a restart.
 */

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let container: HTMLElement | null = null;

const STATE: PresenterState = { lang: 'en', tour: null, skippedMs: 0, run: 0, siteTabs: 0, largeType: false, macOs: '10.11' };

beforeEach(async () => {
  window.localStorage.clear();
  window.sessionStorage.clear();
  fakeEventSource();
  fakeFetch({
    clientSession: () => ({ value: null }),
    signedIn: () => ({ value: [] }),
    activity: () => ({ value: [] }),
    deviceNotifications: () => ({ value: [] }),
    setTour: (body) => ({ value: { ...STATE, tour: body.tour } }),
    clientSignIn: () => ({ error: { code: 'INCORRECT', messageKey: 'errors.INCORRECT' } }),
  });
  useControl.setState({ ...useControl.getInitialState(), tour: TOUR_IDLE }, true);
  receivePresenterState(STATE);
  initI18n('stage.title', 'en');
  container = document.createElement('div');
  document.body.appendChild(container);
  root = createRoot(container);
  await act(async () => {
    root!.render(<StageApp />);
    await Promise.resolve();
  });
  await settle();
});

afterEach(async () => {
  await act(async () => {
    root?.unmount();
    await Promise.resolve();
  });
  container?.remove();
  document.body.innerHTML = '';
  presenterStore.setState({ state: null });
  vi.unstubAllGlobals();
});

const dockButton = (name: string) => document.querySelector<HTMLButtonElement>(`nav[aria-label="Dock"] button[aria-label="${name}"]`)!;
const windowOf = (app: string) => document.querySelector<HTMLElement>(`[data-window="${app}"]`)!;
const within = (element: HTMLElement, label: string) => {
  const labelElement = Array.from(element.querySelectorAll('label')).find((l) => l.textContent?.trim() === label)!;
  return element.querySelector<HTMLInputElement>(`#${CSS.escape(labelElement.htmlFor)}`)!;
};

describe('the stage', () => {
  it('opens a window from the Dock, keeps what was typed when another comes to front, and brings it back without loading it again', async () => {
    expect(windowOf('messages').hidden).toBe(true);
    await click(dockButton('Messages'));
    const messages = windowOf('messages');
    expect(messages.hidden).toBe(false);
    expect(messages.getAttribute('aria-labelledby')).toBeTruthy();
    expect(document.getElementById(messages.getAttribute('aria-labelledby')!)?.textContent).toBe('Messages');
    await type(within(messages, 'Apple ID'), 'typed@twostep.example');

    await click(dockButton('FaceTime'));
    const facetime = windowOf('facetime');
    expect(Number(facetime.style.zIndex)).toBeGreaterThan(Number(messages.style.zIndex));

    const before = within(messages, 'Apple ID');
    await click(dockButton('Messages'));
    expect(Number(messages.style.zIndex)).toBeGreaterThan(Number(facetime.style.zIndex));
    // The same field, not a new one: nothing was loaded again.
    expect(within(messages, 'Apple ID')).toBe(before);
    expect(before.value).toBe('typed@twostep.example');
    expect(document.activeElement).toBe(before);
  });

  it('gives every window its own state: an error in Messages is not in FaceTime', async () => {
    await click(dockButton('Messages'));
    await click(dockButton('FaceTime'));
    const messages = windowOf('messages');
    await type(within(messages, 'Apple ID'), 'demo@twostep.example');
    await type(within(messages, 'Password'), 'wrong');
    await click(Array.from(messages.querySelectorAll('button')).find((b) => b.textContent === 'Sign In')!);
    expect(messages.querySelector('[role="alert"]')?.textContent).toBe('Your Apple ID or password was incorrect.');
    expect(windowOf('facetime').querySelector('[role="alert"]')).toBeNull();
  });

  it('the red button closes a window (its state kept until a restart); Reset & restart closes every window and empties them', async () => {
    await click(dockButton('Messages'));
    const messages = windowOf('messages');
    await type(within(messages, 'Apple ID'), 'kept@twostep.example');
    await click(messages.querySelector<HTMLButtonElement>('button[aria-label="Close Messages"]')!);
    expect(messages.hidden).toBe(true);
    await click(dockButton('Messages'));
    expect(within(messages, 'Apple ID').value).toBe('kept@twostep.example');

    await act(async () => {
      receivePresenterState({ ...STATE, run: 1 });
      await Promise.resolve();
    });
    await settle();
    expect(messages.hidden).toBe(true);
    await click(dockButton('Messages'));
    expect(within(messages, 'Apple ID').value).toBe('');
  });

  it('the Mac is the OS X chosen in Scenarios: its menu says which, and the stage carries it for the type of its windows (stage.css)', async () => {
    const stage = document.querySelector<HTMLElement>('.stage')!;
    const mark = document.querySelector<HTMLButtonElement>('button[role="menuitem"][aria-label="TwoStep"]')!;
    const notes = () => Array.from(document.querySelectorAll('[role="menu"] .menu__note')).map((n) => n.textContent);
    expect(stage.dataset.macOs).toBe('10.11');
    await press(mark, 'ArrowDown');
    expect(notes()).toContain('This Mac: OS X 10.11 El Capitan or later');
    await press(document.activeElement as HTMLElement, 'Escape');

    await act(async () => {
      receivePresenterState({ ...STATE, macOs: '10.10' });
      await Promise.resolve();
    });
    await settle();
    expect(stage.dataset.macOs).toBe('10.10');
    await press(mark, 'ArrowDown');
    expect(notes()).toContain('This Mac: OS X 10.10 Yosemite');
  });

  it('the tour starts on the Dock: opening Messages there is its first step done', async () => {
    const panel = document.querySelector<HTMLElement>('aside[aria-label="TwoStep Control Center"]')!;
    await click(Array.from(panel.querySelectorAll('button')).find((b) => b.textContent === 'Start Tour')!);
    expect(document.querySelector('section.coach')?.textContent).toContain('Step 1 of 10');
    await click(dockButton('Messages'));
    expect(document.querySelector('section.coach')?.textContent).toContain('Step 2 of 10');
  });
});
