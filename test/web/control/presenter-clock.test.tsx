// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PresenterState } from '../../../preload/contract/presenter.js';
import { ControlApp } from '../../../renderer/control/ControlApp.js';
import { useControl } from '../../../renderer/control/store.js';
import { TOUR_IDLE } from '../../../renderer/control/tour.js';
import { initI18n, type Language } from '../../../renderer/i18n/index.js';
import { presenterStore } from '../../../renderer/shared/presenter.js';
import { fakeEventSource, fakeFetch } from '../fakes.js';
import { button, click, settle } from '../dom.js';

/**
 * The control center's presenter clock: Skip 10 Minutes for a code's life, Skip 1 Day for what
 * takes days (account recovery's waiting period, a trusted browser's 30 days), and the status
 * line saying how far ahead in days, hours and minutes, with the date once a day has passed.
 */

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const STATE: PresenterState = { lang: 'en', tour: null, skippedMs: 0, run: 0, siteTabs: 0, largeType: false, macOs: '10.11' };

let root: Root | null = null;
let container: HTMLElement | null = null;

async function renderControl(lang: Language) {
  fakeEventSource();
  let skippedMs = 0;
  const api = fakeFetch({
    signedIn: () => ({ value: [] }),
    activity: () => ({ value: [] }),
    skipClock: (body) => {
      skippedMs += (body.minutes as number) * 60_000;
      return { value: { ...STATE, lang, skippedMs } };
    },
  });
  useControl.setState({ ...useControl.getInitialState(), tour: TOUR_IDLE }, true);
  presenterStore.setState({ state: { ...STATE, lang } });
  initI18n('control.title', lang);
  container = document.createElement('div');
  document.body.appendChild(container);
  root = createRoot(container);
  await act(async () => {
    root!.render(<ControlApp />);
    await Promise.resolve();
  });
  await settle();
  return api;
}

const clockStatus = () => document.querySelector('.presenter__clock [role="status"]')?.textContent ?? '';

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

describe('the presenter clock in the control center', () => {
  it('Skip 1 Day moves the clock a whole day, and the status says so with the date', async () => {
    const api = await renderControl('en');
    await click(button('Skip 1 Day'));
    expect(api.called('skipClock').map((c) => c.body)).toEqual([{ minutes: 24 * 60 }]);
    expect(clockStatus()).toMatch(/^TwoStep's clock: 1 day ahead \(.*\d{4}.*\)\.$/);
    await click(button('Skip 10 Minutes'));
    expect(api.called('skipClock').map((c) => c.body)).toEqual([{ minutes: 24 * 60 }, { minutes: 10 }]);
    expect(clockStatus()).toMatch(/^TwoStep's clock: 1 day, 10 minutes ahead \(/);
  });

  it('in Japanese: 1 日進める, and the days and minutes in Japanese units', async () => {
    await renderControl('ja');
    await click(button('1 日進める'));
    await click(button('10 分進める'));
    await click(button('1 日進める'));
    expect(clockStatus()).toMatch(/^TwoStep の時計: 2 日 10 分進んでいます \(/);
  });

  it('ten minutes only: no day is named, and the time alone is shown', async () => {
    await renderControl('en');
    await click(button('Skip 10 Minutes'));
    expect(clockStatus()).toMatch(/^TwoStep's clock: 10 minutes ahead \(\d{1,2}:\d{2}\s?[AP]M\)\.$/);
  });
});
