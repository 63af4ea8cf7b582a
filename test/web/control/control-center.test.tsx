// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ActivityEntry, ServiceEvent, SignedInClient } from '../../../preload/contract/models.js';
import { ControlApp } from '../../../renderer/control/ControlApp.js';
import { useControl } from '../../../renderer/control/store.js';
import { TOUR_IDLE } from '../../../renderer/control/tour.js';
import { initI18n, type Language } from '../../../renderer/i18n/index.js';
import { fakeEventSource, fakeFetch, pushServiceEvent } from '../fakes.js';
import { button, click, fail, field, settle, type, type Handlers } from '../site-harness.js';

/**
 * The control center against a fake /api/app (fetch) and a fake event stream (test/web/fakes.ts)
 * through which a test pushes 'service' events.
 */

/** Pushes a service event to every open stream, as the app server does. */
async function push(event: ServiceEvent): Promise<void> {
  await pushServiceEvent(event);
  await settle();
}

const MESSAGES_SESSION: SignedInClient = {
  kind: 'app',
  clientKind: 'messages',
  appleId: 'demo@twostep.example',
  appPasswordLabel: 'iMessage and FaceTime',
  startedAt: Date.UTC(2015, 5, 1, 9, 30),
};

const TERN_MAIL: SignedInClient = {
  kind: 'mail',
  name: 'Tern Mail',
  protocols: ['imap'],
  connections: 1,
  appleId: 'demo@twostep.example',
  appPasswordLabel: 'Mail',
  startedAt: Date.UTC(2015, 5, 1, 9, 40),
};

let nextId = 100;
function entry(fields: Partial<ActivityEntry> & Pick<ActivityEntry, 'event' | 'source'>): ActivityEntry {
  return { id: nextId++, at: Date.now(), appleId: 'demo@twostep.example', outcome: 'info', detail: {}, ...fields };
}

let root: Root | null = null;
let container: HTMLElement | null = null;

async function renderControl(handlers: Handlers, lang: Language = 'en') {
  window.sessionStorage.clear();
  window.localStorage.clear();
  fakeEventSource();
  const api = fakeFetch({ signedIn: () => ({ value: [] }), activity: () => ({ value: [] }), ...handlers });
  useControl.setState({ ...useControl.getInitialState(), tour: TOUR_IDLE }, true);
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

afterEach(async () => {
  await act(async () => {
    root?.unmount();
    await Promise.resolve();
  });
  container?.remove();
  root = null;
  container = null;
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

function table(name: string): HTMLTableElement {
  const found = Array.from(document.querySelectorAll('table')).find((t) => t.querySelector('caption')?.textContent === name);
  if (!found) throw new Error(`no table named "${name}"`);
  return found;
}

function row(tableName: string, header: string): HTMLTableRowElement {
  const found = Array.from(table(tableName).querySelectorAll('tbody tr')).find((r) => r.querySelector('th')?.textContent?.trim() === header);
  if (!(found instanceof HTMLTableRowElement)) throw new Error(`no row "${header}"`);
  return found;
}

function statusText(): string {
  return Array.from(document.querySelectorAll('[role="status"]'))
    .map((s) => s.textContent ?? '')
    .join(' ');
}

describe('control center', () => {
  it('says it is a simulation, and lists who is signed in where, live: the Mac apps and the mail clients', async () => {
    let sessions: SignedInClient[] = [MESSAGES_SESSION, TERN_MAIL];
    const api = await renderControl({ signedIn: () => ({ value: sessions }) });
    const caption = 'Signed-in apps and mail clients';

    expect(document.querySelector('header')?.textContent).toContain('not affiliated with Apple');
    expect(row(caption, 'Messages').textContent).toContain('App-specific password “iMessage and FaceTime”');
    expect(row(caption, 'Messages').textContent).toContain('demo@twostep.example');
    expect(row(caption, 'FaceTime').textContent).toContain('Not signed in');
    expect(row(caption, 'Tern Mail (IMAP)').textContent).toContain('App-specific password “Mail”');
    const loads = api.called('signedIn').length;

    sessions = [TERN_MAIL];
    await push({ type: 'client-session-ended', sessionId: 's-1', clientKind: 'messages', appleId: 'demo@twostep.example', reason: 'app-password-revoked' });
    expect(api.called('signedIn').length).toBe(loads + 1);
    expect(row(caption, 'Messages').textContent).toContain('Not signed in');

    // A mail client leaves: the servers' view changed, and the list follows.
    sessions = [];
    await push({ type: 'mail-changed', what: 'servers' });
    expect(api.called('signedIn').length).toBe(loads + 2);
    expect(row(caption, 'Mail clients').textContent).toContain('None connected');
  });

  it('runs a scenario with the chosen app and says which apps it signed out', async () => {
    let sessions: SignedInClient[] = [];
    const api = await renderControl({
      signedIn: () => ({ value: sessions }),
      runScenario: (body) => {
        sessions = sessions.filter((c) => c.kind === 'mail');
        return { value: { signedOutApps: body.event === 'sign-out' ? 1 : 2 } };
      },
    });

    const select = document.querySelector<HTMLSelectElement>('#sign-out-app')!;
    await act(async () => {
      select.value = 'facetime';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await Promise.resolve();
    });
    await click(button('Sign Out'));
    expect(api.called('runScenario').map((c) => c.body)).toEqual([{ event: 'sign-out', clientKind: 'facetime' }]);
    // Nothing was listed before it: only the count the service gave.
    expect(statusText()).toContain('1 app was signed out.');

    sessions = [MESSAGES_SESSION, { ...MESSAGES_SESSION, clientKind: 'facetime' }, TERN_MAIL];
    await click(button('Software Update (this Mac)'));
    expect(api.called('runScenario')[1]?.body).toEqual({ event: 'software-update' });
    expect(statusText()).toContain('Signed out: Messages and FaceTime.');
    expect(statusText()).not.toContain('Tern Mail');
  });

  it('shows activity as sentences and moves the tour on when the log shows a step done, never past the code on the iPhone before it is used', async () => {
    const api = await renderControl({ setTour: (body) => ({ value: { lang: 'en', tour: body.tour, skippedMs: 0, run: 0, siteTabs: 0, largeType: false, macOs: '10.11' } }) });
    const beacon = () => api.called('setTour').at(-1)?.body.tour;

    await click(button('Start Tour'));
    const tour = document.getElementById('tour-heading')!.closest('section')!;
    expect(tour.textContent).toContain('Step 1 of 10');
    expect(tour.textContent).toContain('What the author met:');
    expect(document.querySelector('.is-tour-target')?.textContent).toContain('Open Messages');
    expect(beacon()).toEqual({ step: 'openMessages', completed: false });

    await click(button('Next'));
    expect(tour.textContent).toContain('Step 2 of 10');
    expect(tour.textContent).toContain('demo@twostep.example');

    await push({ type: 'activity', entry: entry({ event: 'app-password-required', source: 'messages', outcome: 'failure' }) });
    expect(tour.textContent).toContain('Step 3 of 10');
    expect(tour.textContent).toContain('Click Create');
    expect(JSON.parse(window.sessionStorage.getItem('twostep.control.tour')!)).toMatchObject({ active: true, step: 2 });

    // Signing in at My Apple ID shows step 4 done too (Create in another tab logs nothing).
    await push({ type: 'activity', entry: entry({ event: 'verification-required', source: 'account-site' }) });
    expect(tour.textContent).toContain('Step 5 of 10');
    expect(document.querySelector('.is-tour-target')?.textContent).toContain('Open My Apple ID');

    await push({
      type: 'activity',
      entry: entry({ event: 'code-sent', source: "Taro's iPhone", detail: { via: 'find-my-iphone', for: 'account-site' } }),
    });
    expect(tour.textContent).toContain('Step 6 of 10');
    expect(tour.textContent).toContain('Read the code on the iPhone');
    expect(document.querySelector('.is-tour-target')?.textContent).toContain("Open Taro's iPhone");
    expect(beacon()).toEqual({ step: 'readCode', completed: false });
    const newest = table('Activity log').querySelector('tbody tr')!;
    expect(newest.textContent).toContain("Code sent to Taro's iPhone by Find My iPhone");
    expect(newest.textContent).toContain('Info');

    // A code sent (again) is not a code used: the tour waits on the iPhone.
    await push({
      type: 'activity',
      entry: entry({ event: 'code-sent', source: "Taro's iPhone", detail: { via: 'find-my-iphone', for: 'account-site' } }),
    });
    expect(tour.textContent).toContain('Step 6 of 10');
    await push({ type: 'activity', entry: entry({ event: 'code-accepted', source: 'account-site', outcome: 'success', detail: { for: 'account-site' } }) });
    expect(tour.textContent).toContain('Step 7 of 10');

    await push({ type: 'activity', entry: entry({ event: 'app-password-created', source: 'account-site', outcome: 'success', detail: { label: 'iMessage and FaceTime' } }) });
    expect(tour.textContent).toContain('Step 8 of 10');
    expect(table('Activity log').querySelector('tbody tr')!.textContent).toContain('Created app-specific password “iMessage and FaceTime”');

    // A sign-in with the Apple ID password is not the step's end; one with the new password is.
    await push({ type: 'activity', entry: entry({ event: 'sign-in', source: 'messages', outcome: 'success', detail: { with: 'password', label: null } }) });
    expect(tour.textContent).toContain('Step 8 of 10');
    await push({
      type: 'activity',
      entry: entry({ event: 'sign-in', source: 'messages', outcome: 'success', detail: { with: 'app-specific-password', label: 'iMessage and FaceTime' } }),
    });
    expect(tour.textContent).toContain('Step 9 of 10');

    await click(button('Back'));
    expect(tour.textContent).toContain('Step 8 of 10');
    await click(button('End Tour'));
    expect(buttons('Start Tour')).toHaveLength(1);
    expect(beacon()).toBeNull();
  });

  it('shows the service’s PASSWORD_TOO_SHORT in Japanese in the Change Password dialog', async () => {
    const api = await renderControl({ runScenario: () => fail('PASSWORD_TOO_SHORT') }, 'ja');

    await click(button('パスワードを変更…'));
    const dialog = document.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(field('Apple ID').value).toBe('demo@twostep.example');
    expect(document.activeElement).toBe(field('新しいパスワード'));

    await type(field('新しいパスワード'), 'short');
    await type(field('新しいパスワードを確認'), 'shorter');
    await click(button('変更'));
    expect(dialog.querySelector('[role="alert"]')?.textContent).toBe('パスワードが一致しません。');
    expect(api.called('runScenario')).toHaveLength(0);

    await type(field('新しいパスワードを確認'), 'short');
    await click(button('変更'));
    expect(api.called('runScenario').map((c) => c.body)).toEqual([{ event: 'change-password', appleId: 'demo@twostep.example', newPassword: 'short' }]);
    expect(dialog.querySelector('[role="alert"]')?.textContent).toBe('パスワードは 8 文字以上にしてください。');
    expect(field('新しいパスワード').getAttribute('aria-invalid')).toBe('true');
    expect(document.body.textContent).not.toContain('PASSWORD_TOO_SHORT');
  });

  it('asks before Reset & Restart: Escape cancels, the confirmation resets and reloads everything', async () => {
    const api = await renderControl({ resetDemo: () => ({ value: {} }) });
    const opener = button('Reset & Restart');

    await click(opener);
    let dialog = document.querySelector('[role="alertdialog"]')!;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement?.textContent).toBe('Cancel');
    await act(async () => {
      dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      await Promise.resolve();
    });
    await settle();
    expect(document.querySelector('[role="alertdialog"]')).toBeNull();
    expect(api.called('resetDemo')).toHaveLength(0);

    const sessionLoads = api.called('signedIn').length;
    const activityLoads = api.called('activity').length;
    await click(opener);
    dialog = document.querySelector('[role="alertdialog"]')!;
    await click(button('Reset & Restart', dialog));
    expect(api.called('resetDemo')).toHaveLength(1);
    expect(api.called('signedIn').length).toBeGreaterThan(sessionLoads);
    expect(api.called('activity').length).toBeGreaterThan(activityLoads);
    expect(statusText()).toContain('The demo started over.');
  });
});

function buttons(name: string): HTMLButtonElement[] {
  return Array.from(document.querySelectorAll('button')).filter((b) => b.textContent?.trim() === name);
}
