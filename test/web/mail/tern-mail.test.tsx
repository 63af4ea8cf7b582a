// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { MailWindowState } from '../../../preload/contract/mail-types.js';
import { MailApp } from '../../../renderer/mail/MailApp.js';
import { createMailStore } from '../../../renderer/mail/store.js';
import { alerts, button, buttons, cleanup, click, emit, field, mockApi, renderApp, type } from '../client-apps/client-harness.js';

afterEach(cleanup);

const SIGNED_OUT: MailWindowState = { status: 'signed-out', appleId: null, refusal: null, ended: null };
const REFUSED: MailWindowState = {
  status: 'signed-out',
  appleId: 'demo@twostep.example',
  refusal: { kind: 'incorrect', serverText: '[AUTHENTICATIONFAILED] Authentication failed' },
  ended: null,
};
const CONNECTED: MailWindowState = {
  status: 'connected',
  appleId: 'demo@twostep.example',
  messages: [{ uid: 1, from: 'Apple <appleid@id.twostep.example>', subject: 'An app-specific password was created for your Apple ID', date: Date.UTC(2015, 1, 1), seen: false }],
};

async function render(lang: 'en' | 'ja' = 'en') {
  const store = createMailStore();
  await renderApp(<MailApp store={store} />, store as never, lang);
  return store;
}

describe('Tern Mail, a third-party mail client that knows nothing of two-step verification', () => {
  it('refused, says only that the password is incorrect, with the server’s words — no Create, no guide to the account site', async () => {
    const api = mockApi({ mailWindow: () => ({ value: SIGNED_OUT }), mailWindowSignIn: () => ({ value: REFUSED }) });
    await render();
    expect(document.querySelector('h1')?.textContent).toBe('Tern Mail');
    await type(field('Email Address'), 'demo@twostep.example');
    await type(field('Password'), 'Twostep-Demo-2015');
    await click(button('Sign In'));
    expect(api.called('mailWindowSignIn')[0]?.body).toEqual({ appleId: 'demo@twostep.example', password: 'Twostep-Demo-2015' });
    expect(alerts()).toEqual(['The password for “demo@twostep.example” is incorrect.The server responded: [AUTHENTICATIONFAILED] Authentication failed']);
    expect(document.body.textContent).not.toMatch(/appleid\.apple\.com|app-specific/i);
    expect(buttons('Create')).toHaveLength(0);
    const password = field('Password');
    expect(password.value).toBe('');
    expect(password.getAttribute('aria-invalid')).toBe('true');
  });

  it('with the teaching hint on, the refusal is explained for trainees (and remembered in this browser)', async () => {
    mockApi({ mailWindow: () => ({ value: REFUSED }) });
    await render('ja');
    expect(alerts()[0]).not.toContain('App 用パスワード');
    await click(field('研修用の説明'));
    const [message] = alerts();
    for (const term of ['“demo@twostep.example” のパスワードが正しくありません。', 'App 用パスワード', 'パスワードとセキュリティ', 'App 用パスワードを作成']) expect(message).toContain(term);
    expect(window.localStorage.getItem('twostep.mail.teachingHint')).toBe('on');
  });

  it('connected, lists the INBOX as the server gave it, opens a message, and follows the server closing the connection', async () => {
    let state: MailWindowState = CONNECTED;
    mockApi({
      mailWindow: () => ({ value: state }),
      mailWindowMessage: () => ({
        value: { uid: 1, from: 'Apple <appleid@id.twostep.example>', to: 'demo@twostep.example', subject: CONNECTED.status === 'connected' ? CONNECTED.messages[0]!.subject : '', date: 0, text: 'Dear demo@twostep.example,' },
      }),
    });
    await render();
    expect(document.querySelector('[role="status"]')?.textContent).toBe('demo@twostep.example — Online');
    const item = document.querySelector<HTMLButtonElement>('.mail-list__item')!;
    expect(item.textContent).toContain('Unread: An app-specific password was created for your Apple ID');
    await click(item);
    expect(document.querySelector('article')?.textContent).toContain('Dear demo@twostep.example,');
    state = { status: 'signed-out', appleId: 'demo@twostep.example', refusal: null, ended: 'The app-specific password of this session was revoked.' };
    await emit({ type: 'mail-changed', what: 'window' });
    expect(alerts()).toEqual(['The mail server closed the connection: The app-specific password of this session was revoked.']);
    expect(field('Email Address').value).toBe('demo@twostep.example');
  });
});
