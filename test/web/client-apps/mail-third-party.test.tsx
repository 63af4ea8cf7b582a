// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { MailApp } from '../../../renderer/mail/MailApp.js';
import { mailStore } from '../../../renderer/mail/store.js';
import { alerts, button, buttons, cleanup, click, field, fail, mockApi, renderApp, type } from './client-harness.js';

afterEach(cleanup);

const REQUIRED = { value: { status: 'APP_SPECIFIC_PASSWORD_REQUIRED', prefillLabel: null, createShortcut: false } };

describe('Mail, a third-party app without two-step support', () => {
  it('says plainly that an app-specific password is needed, with no Create button', async () => {
    const api = mockApi({ clientSession: () => ({ value: null }), clientSignIn: () => REQUIRED });
    await renderApp(<MailApp />, mailStore, 'en');

    await type(field('Apple ID'), 'demo@twostep.example');
    await type(field('Password'), 'Twostep-Demo-2015');
    await click(button('Sign In'));

    expect(api.called('clientSignIn')[0]?.body.clientKind).toBe('third-party');
    expect(alerts()).toEqual([
      'This account requires an app-specific password. Generate one at appleid.apple.com (My Apple ID → Password and Security → Generate App-Specific Password) and enter it here instead of your password.',
    ]);
    expect(document.querySelector('[role="alertdialog"]')).toBeNull();
    expect(buttons('Create')).toHaveLength(0);
    const password = field('Password');
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(password.getAttribute('aria-describedby')).toBe(document.querySelector('[role="alert"]')!.id);
  });

  it('in Japanese uses the seed’s terms; a wrong password gets the catalog’s message', async () => {
    let answer = REQUIRED as ReturnType<typeof fail> | typeof REQUIRED;
    mockApi({ clientSession: () => ({ value: null }), clientSignIn: () => answer });
    await renderApp(<MailApp />, mailStore, 'ja');

    await type(field('Apple ID'), 'demo@twostep.example');
    await type(field('パスワード'), 'Twostep-Demo-2015');
    await click(button('サインイン'));
    const [message] = alerts();
    for (const term of ['App 用パスワード', 'My Apple ID', 'パスワードとセキュリティ', 'App 用パスワードを作成']) expect(message).toContain(term);
    expect(buttons('作成')).toHaveLength(0);

    answer = fail('INCORRECT');
    await click(button('サインイン'));
    expect(alerts()).toEqual(['Apple ID またはパスワードが正しくありません。']);
  });
});
