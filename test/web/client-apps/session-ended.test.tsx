// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { MessagesApp } from '../../../renderer/messages/MessagesApp.js';
import { createClientStore } from '../../../renderer/client-apps/store.js';
import { alerts, buttons, cleanup, emit, field, mockApi, renderApp, SESSION } from './client-harness.js';

/** The Messages window's own state, as its page (or the stage) gives it one. */
const messagesStore = createClientStore('messages');

afterEach(cleanup);

function status(): string {
  return document.querySelector('[role="status"]')?.textContent ?? '';
}

async function signedInMessages() {
  const api = mockApi({ clientSession: () => ({ value: SESSION }) });
  await renderApp(<MessagesApp store={messagesStore} />, messagesStore, 'en');
  expect(status()).toContain('Taro Yamada');
  expect(status()).toContain('demo@twostep.example — Enabled');
  expect(status()).toContain('Signed in with the app-specific password “iMessage and FaceTime”');
  expect(buttons('Sign Out')).toHaveLength(1);
  expect(api.called('clientSession')[0]?.body).toEqual({ clientKind: 'messages' });
  return api;
}

const ENDED = { type: 'client-session-ended', sessionId: SESSION.id, clientKind: 'messages', appleId: SESSION.appleId } as const;

describe('a session ended by the service shows at once', () => {
  it('app-password-revoked: back to the sign-in, with the notice', async () => {
    await signedInMessages();

    // Another app's session, or an older one of this app, changes nothing.
    await emit({ ...ENDED, clientKind: 'facetime', reason: 'app-password-revoked' });
    await emit({ ...ENDED, sessionId: 'older', reason: 'replaced' });
    expect(buttons('Sign Out')).toHaveLength(1);

    await emit({ ...ENDED, reason: 'app-password-revoked' });

    expect(buttons('Sign Out')).toHaveLength(0);
    expect(buttons('Sign In')).toHaveLength(1);
    expect(alerts()).toEqual(['The app-specific password you used was revoked. Sign in again.']);
    expect(field('Apple ID').value).toBe('demo@twostep.example');
    expect(field('Password').value).toBe('');
  });

  it('unexpected: the sign-in asks for the password again, with no visible cause', async () => {
    await signedInMessages();

    await emit({ ...ENDED, reason: 'unexpected' });

    expect(buttons('Sign In')).toHaveLength(1);
    expect(document.querySelector('[role="alert"]')).toBeNull();
    expect(document.body.textContent).not.toMatch(/unexpected|revoked|changed/i);
  });

  it('a session started elsewhere shows signed in', async () => {
    mockApi({ clientSession: () => ({ value: null }) });
    await renderApp(<MessagesApp store={messagesStore} />, messagesStore, 'en');
    expect(buttons('Sign In')).toHaveLength(1);

    await emit({ type: 'client-session-started', session: { ...SESSION, id: 'session-2' } });

    expect(buttons('Sign Out')).toHaveLength(1);
    expect(status()).toContain('demo@twostep.example — Enabled');
  });
});
