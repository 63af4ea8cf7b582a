// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MessagesApp } from '../../../renderer/messages/MessagesApp.js';
import { createClientStore } from '../../../renderer/client-apps/store.js';
import { presenterStore } from '../../../renderer/shared/presenter.js';
import { alerts, button, buttons, cleanup, click, field, labelledName, mockApi, press, renderApp, type } from './client-harness.js';

/** The Messages window's own state, as its page (or the stage) gives it one. */
const messagesStore = createClientStore('messages');

afterEach(cleanup);

const REQUIRED = { value: { status: 'APP_SPECIFIC_PASSWORD_REQUIRED', prefillLabel: 'iMessage and FaceTime', createShortcut: true } };
const SITE = 'http://127.0.0.1:4620/generate';

function sheet(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[role="alertdialog"]');
}

describe('Messages: App-specific password required (SPEC §2 step 3)', () => {
  it('shows the sheet word for word in English; Create opens the generate page with the label, then waits for the pasted password', async () => {
    const order: string[] = [];
    const api = mockApi({
      clientSession: () => ({ value: null }),
      clientSignIn: () => REQUIRED,
      openAccountSite: () => (order.push('server answered'), { value: { url: SITE, opened: false } }),
    });
    // The tab My Apple ID opens in: opened empty in the click itself (popup blockers), pointed at the page after.
    const tab = { closed: false, location: { href: 'about:blank' }, close: vi.fn() };
    const open = vi.spyOn(window, 'open').mockImplementation(() => (order.push('tab opened'), tab as unknown as Window));
    await renderApp(<MessagesApp store={messagesStore} />, messagesStore, 'en');

    expect(document.querySelector('h1')?.textContent).toBe('Messages');
    expect(document.querySelector('main')).not.toBeNull();
    expect(document.body.textContent).toContain('TwoStep simulation — not affiliated with Apple');

    await type(field('Apple ID'), 'demo@twostep.example');
    await type(field('Password'), 'Twostep-Demo-2015');
    await click(button('Sign In'));

    expect(api.called('clientSignIn')[0]?.body).toEqual({ clientKind: 'messages', appleId: 'demo@twostep.example', password: 'Twostep-Demo-2015' });
    const dialog = sheet();
    expect(dialog).not.toBeNull();
    expect(dialog!.getAttribute('aria-modal')).toBe('true');
    expect(labelledName(dialog!)).toBe('App-specific password required');
    expect(dialog!.textContent).toContain(
      'Your Apple ID is protected with two-step verification. You must generate an app-specific password at appleid.apple.com to sign in.',
    );
    expect(buttons('Cancel', dialog!)).toHaveLength(1);
    const create = button('Create', dialog!);
    expect(create.className).toContain('mac-button--default');
    expect(document.activeElement).toBe(create);

    await click(create);

    expect(api.called('openAccountSite').map((c) => c.body)).toEqual([{ page: 'generate', label: 'iMessage and FaceTime', lang: 'en', reuseOpenTab: false }]);
    expect(open).toHaveBeenCalledExactlyOnceWith('', 'twostep-account-site');
    expect(order).toEqual(['tab opened', 'server answered']);
    expect(tab.location.href).toBe(SITE);
    expect(sheet()).toBeNull();
    const password = field('Password');
    expect(password.value).toBe('');
    expect(document.activeElement).toBe(password);
    expect(alerts()).toEqual([]);
  });

  it('speaks Japanese with Apple’s words; Return is Create; My Apple ID open already shows the page in its own tab', async () => {
    const api = mockApi({
      clientSession: () => ({ value: null }),
      clientSignIn: () => REQUIRED,
      openAccountSite: () => ({ value: { url: SITE, opened: true } }),
    });
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    presenterStore.setState({ state: { lang: 'ja', tour: null, skippedMs: 0, run: 0, siteTabs: 1, largeType: false, macOs: '10.11' } });
    await renderApp(<MessagesApp store={messagesStore} />, messagesStore, 'ja');

    await type(field('Apple ID'), 'demo@twostep.example');
    await type(field('パスワード'), 'Twostep-Demo-2015');
    await click(button('サインイン'));

    const dialog = sheet()!;
    expect(labelledName(dialog)).toBe('App 用パスワードが必要です');
    expect(dialog.textContent).toContain(
      'ご利用の Apple ID は2ステップ確認で保護されています。サインインするには appleid.apple.com で App 用パスワードを生成する必要があります。',
    );
    expect(buttons('キャンセル', dialog)).toHaveLength(1);
    expect(buttons('作成', dialog)).toHaveLength(1);

    await press(dialog, 'Enter');

    expect(api.called('openAccountSite').map((c) => c.body)).toEqual([{ page: 'generate', label: 'iMessage と FaceTime', lang: 'ja', reuseOpenTab: true }]);
    // The open My Apple ID tab showed the page: no second tab, and the window says where to look.
    expect(open).not.toHaveBeenCalled();
    expect(sheet()).toBeNull();
    expect(document.querySelector('[role="status"]')?.textContent).toBe(
      'My Apple ID はすでにブラウザで開いています。そのタブにページを表示しました。タブを切り替えてください。',
    );
  });

  it('Escape is Cancel: the sheet closes and nothing opens', async () => {
    const api = mockApi({ clientSession: () => ({ value: null }), clientSignIn: () => REQUIRED });
    await renderApp(<MessagesApp store={messagesStore} />, messagesStore, 'en');
    await type(field('Apple ID'), 'demo@twostep.example');
    await type(field('Password'), 'Twostep-Demo-2015');
    await click(button('Sign In'));

    await press(sheet()!, 'Escape');

    expect(sheet()).toBeNull();
    expect(api.called('openAccountSite')).toHaveLength(0);
  });
});
