// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceNotification } from '../../../preload/contract/models.js';
import { IPhone } from '../../../renderer/device/IPhone.js';
import { createDeviceStore, DeviceContext, type DeviceStore } from '../../../renderer/device/store.js';
import { initI18n } from '../../../renderer/i18n/index.js';
import { presenterStore } from '../../../renderer/shared/presenter.js';
import { settle } from '../dom.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let container: HTMLElement | null = null;

async function render(store: DeviceStore, largeCode = false): Promise<void> {
  initI18n('app.deviceTitle', 'en');
  container = document.createElement('div');
  document.body.appendChild(container);
  root = createRoot(container);
  await act(async () => {
    root!.render(
      <DeviceContext value={store}>
        <IPhone largeCode={largeCode} />
      </DeviceContext>,
    );
    await Promise.resolve();
  });
  await settle();
}

afterEach(async () => {
  await act(async () => {
    root?.unmount();
    await Promise.resolve();
  });
  container?.remove();
  presenterStore.setState({ state: null });
});

const now = Date.now();
function code(id: string, codeText: string, sentAgo: number, replaces: string | null = null): DeviceNotification {
  const sentAt = now - sentAgo;
  return { id, deviceId: 1, deviceKind: 'iphone', deviceName: "Taro's iPhone", appleId: 'demo@twostep.example', code: codeText, sentAt, expiresAt: sentAt + 600_000, replaces, usedAt: null, request: null };
}

function banners(): { text: string; void: boolean }[] {
  return Array.from(document.querySelectorAll('.banners > li')).map((li) => ({ text: li.textContent ?? '', void: li.classList.contains('banner--void') }));
}

/** A banner whose text contains `part`: valid, or greyed (expired or replaced). */
function banner(part: string, isVoid: boolean) {
  return expect.objectContaining({ text: expect.stringContaining(part) as unknown as string, void: isVoid }) as unknown as { text: string; void: boolean };
}

describe("Taro's iPhone", () => {
  it('greys a code a newer one replaced, saying so; the newest stays valid', async () => {
    const store = createDeviceStore();
    store.getState().add([code('n2', '2222', 1_000, 'n1'), code('n1', '1111', 40_000)]);
    await render(store);
    expect(banners()).toEqual([banner('Your Apple ID Verification Code is: 2222', false), banner('(replaced by a newer code)', true)]);
    expect(banners()[0]!.text).not.toContain('replaced');
  });

  it('greys a code that was used when the same notification comes again marked used; a new one stays valid', async () => {
    const store = createDeviceStore();
    store.getState().add([code('n1', '1111', 40_000)]);
    await render(store);
    await act(async () => {
      store.getState().add([{ ...code('n1', '1111', 40_000), usedAt: now }]);
      store.getState().add([code('n2', '2222', 1_000)]);
      await Promise.resolve();
    });
    expect(banners()).toEqual([banner('Your Apple ID Verification Code is: 2222', false), banner('(used)', true)]);
    // A late copy of the unused notification never takes "used" back.
    await act(async () => {
      store.getState().add([code('n1', '1111', 40_000)]);
      await Promise.resolve();
    });
    expect(banners()[1]).toEqual(banner('(used)', true));
  });

  it("two-factor: a pending sign-in request is an alert labelled 'Apple ID Sign In Requested' with its map and both answers, focused on Don't Allow; once answered it goes, and the code it brought is shown", async () => {
    const store = createDeviceStore();
    const request: DeviceNotification = { ...code('r1', '', 1_000), request: { place: 'icloud-com', decision: 'pending' } };
    store.getState().add([request]);
    await render(store);
    const alert = document.querySelector('[role="alertdialog"]')!;
    expect(document.getElementById(alert.getAttribute('aria-labelledby')!)?.textContent).toBe('Apple ID Sign In Requested');
    expect(alert.querySelector('svg[role="img"]')?.getAttribute('aria-label')).toBe('Map of Japan: the sign-in is near Tokyo');
    expect(alert.textContent).toContain('iCloud.com');
    expect([...alert.querySelectorAll('button')].map((b) => b.textContent)).toEqual(["Don't Allow", 'Allow']);
    expect(document.activeElement?.textContent).toBe("Don't Allow");
    // The request is no banner: nothing to read off the lock screen yet.
    expect(banners()).toEqual([]);

    await act(async () => {
      store.getState().add([{ ...code('c1', '123456', 0), replaces: null }, { ...request, request: { place: 'icloud-com', decision: 'allowed' } }]);
      await Promise.resolve();
    });
    const codeAlert = document.querySelector('[role="alertdialog"]')!;
    expect(document.getElementById(codeAlert.getAttribute('aria-labelledby')!)?.textContent).toBe('Apple ID Verification Code');
    expect(codeAlert.textContent).toContain('123456');
    expect(banners().map((b) => b.text)).toEqual([expect.stringContaining('123456')]);
  });

  it('on the stage, a sign-in request arriving while the user types in a Mac sheet leaves the keyboard in that field; the alert is still there to answer', async () => {
    const store = createDeviceStore();
    await render(store);
    const macField = document.createElement('input');
    macField.setAttribute('aria-label', 'Verification code');
    document.body.appendChild(macField);
    macField.focus();
    try {
      await act(async () => {
        store.getState().add([{ ...code('r2', '', 1_000), request: { place: 'mac', decision: 'pending' } }]);
        await Promise.resolve();
      });
      expect(document.querySelector('[role="alertdialog"]')).not.toBeNull();
      expect(document.activeElement).toBe(macField);
    } finally {
      macField.remove();
    }
  });

  it('the lock screen clock has no AM or PM, as on iOS 8 and 9', async () => {
    const store = createDeviceStore();
    await render(store);
    expect(document.querySelector('.clock__time')?.textContent).toMatch(/^\d{1,2}:\d{2}$/);
  });

  it("counts expiry on TwoStep's clock: ten minutes skipped by the presenter grey the code as expired", async () => {
    const store = createDeviceStore();
    store.getState().add([code('n1', '1111', 5_000)]);
    await render(store);
    expect(banners()[0]!.void).toBe(false);
    await act(async () => {
      presenterStore.setState({ state: { lang: 'en', tour: null, skippedMs: 600_000, run: 0, siteTabs: 0, largeType: false, macOs: '10.11' } });
      await Promise.resolve();
    });
    expect(banners()[0]).toEqual(banner('(expired)', true));
  });

  it('large code: the digits on a line of their own, big, for the back of the room', async () => {
    const store = createDeviceStore();
    store.getState().add([code('n1', '4321', 1_000)]);
    await render(store, true);
    expect(document.querySelector('.iphone')?.classList.contains('iphone--large-code')).toBe(true);
    expect(document.querySelector('.banner__code')?.textContent).toBe('4321');
  });

  it('the status bar is drawn and its link to TwoStep read out', async () => {
    const store = createDeviceStore();
    store.getState().setConnection('live');
    await render(store);
    expect(document.querySelectorAll('.status-bar svg').length).toBeGreaterThanOrEqual(4);
    expect(document.querySelector('.status-bar')?.textContent).toContain('Connected');
  });
});
