import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../main/identity/clock.js';
import { MAX_ACTIVE_APP_PASSWORDS } from '../../main/identity/service/app-passwords.js';
import {
  addPhone,
  DEMO_ACCOUNT,
  endedSessions,
  identityError,
  openService,
  openSignedIn,
  recordEvents,
  signInApp,
  signInSite,
} from './helpers/identity.js';

const appleId = DEMO_ACCOUNT.appleId;

describe('generating an app-specific password', () => {
  it('shows it once as xxxx-xxxx-xxxx-xxxx and lists it in View History without the secret', async () => {
    const { service, clock, token } = await openSignedIn();
    const created = service.createAppPassword(token, { label: '  iMessage and FaceTime ' });

    expect(created.password).toMatch(/^[a-z]{4}-[a-z]{4}-[a-z]{4}-[a-z]{4}$/);
    expect(created.appPassword).toMatchObject({ label: 'iMessage and FaceTime', createdAt: clock.now(), lastUsedAt: null, lastUsedBy: null });

    const history = service.listAppPasswords(token);
    expect(history).toHaveLength(1);
    expect(history[0]).toEqual(created.appPassword);
    expect(JSON.stringify(history)).not.toContain(created.password.replaceAll('-', ''));
    expect(service.accountSiteAccount(token).activeAppPasswords).toBe(1);
  });

  it('makes a different password every time', async () => {
    const { service, token } = await openSignedIn();
    const passwords = new Set(Array.from({ length: 10 }, (_, i) => service.createAppPassword(token, { label: `app ${i}` }).password));
    expect(passwords.size).toBe(10);
  });

  it('records when and by which app it was last used', async () => {
    const { service, clock, token } = await openSignedIn();
    const { password, appPassword } = service.createAppPassword(token, { label: 'Mail' });
    clock.advance(5 * MINUTE);
    const session = await signInApp(service, 'third-party', password);
    expect(session.appPasswordLabel).toBe('Mail');

    const [listed] = service.listAppPasswords(token);
    expect(listed).toMatchObject({ id: appPassword.id, lastUsedAt: clock.now(), lastUsedBy: 'third-party' });
  });

  it('refuses a missing, blank or over-long label, and takes one of exactly 60 characters', async () => {
    const { service, token } = await openSignedIn();
    for (const label of ['', '   ', 'x'.repeat(61), 'bad\u0000label']) {
      const error = await identityError(() => service.createAppPassword(token, { label }));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.fields?.[0]?.path).toBe('label');
    }
    expect(service.listAppPasswords(token)).toHaveLength(0);
    expect(service.createAppPassword(token, { label: 'y'.repeat(60) }).appPassword.label).toHaveLength(60);
  });

  it('is not offered while the account has no two-step verification', async () => {
    const { service } = await openService({ seedDemo: false });
    await service.createAccount({ appleId: 'plain@example.com', password: 'plain-password', fullName: 'Plain User' });
    const token = await signInSite(service, { appleId: 'plain@example.com', password: 'plain-password' });
    expect((await identityError(() => service.createAppPassword(token, { label: 'Mail' }))).code).toBe('APP_PASSWORDS_UNAVAILABLE');
  });

  it('needs a live account-site session', async () => {
    const { service } = await openService();
    expect((await identityError(() => service.createAppPassword('not-a-token', { label: 'Mail' }))).code).toBe('NOT_SIGNED_IN');
  });
});

describe('the limit of 25 active app-specific passwords', () => {
  it('refuses the 26th with APP_PASSWORD_LIMIT, and allows one again after a revoke', async () => {
    const { service, token } = await openSignedIn();
    expect(MAX_ACTIVE_APP_PASSWORDS).toBe(25);
    const created = Array.from({ length: 25 }, (_, i) => service.createAppPassword(token, { label: `app ${i + 1}` }));
    expect(service.listAppPasswords(token)).toHaveLength(25);

    const refused = await identityError(() => service.createAppPassword(token, { label: 'app 26' }));
    expect(refused.code).toBe('APP_PASSWORD_LIMIT');
    expect(refused.params).toEqual({ max: 25 });
    expect(service.listAppPasswords(token)).toHaveLength(25);

    service.revokeAppPassword(token, { appPasswordId: created[7]!.appPassword.id });
    const again = service.createAppPassword(token, { label: 'app 26' });
    expect(again.appPassword.label).toBe('app 26');
    expect(service.listAppPasswords(token)).toHaveLength(25);
    expect((await identityError(() => service.createAppPassword(token, { label: 'app 27' }))).code).toBe('APP_PASSWORD_LIMIT');
  });
});

describe('where an app-specific password signs in', () => {
  it('signs in to Messages, FaceTime and the third-party app', async () => {
    const { service, token } = await openSignedIn();
    const { password } = service.createAppPassword(token, { label: 'iMessage and FaceTime' });
    for (const clientKind of ['messages', 'facetime', 'third-party'] as const) {
      const session = await signInApp(service, clientKind, password);
      expect(session).toMatchObject({ clientKind, appleId, appPasswordLabel: 'iMessage and FaceTime' });
      expect(service.clientSession({ clientKind })?.id).toBe(session.id);
    }
  });

  it('is refused by the account site and by iCloud as INCORRECT', async () => {
    const { service, token } = await openSignedIn();
    const { password } = service.createAppPassword(token, { label: 'Sneaky' });
    expect((await identityError(() => service.signInAccountSite({ appleId, password }))).code).toBe('INCORRECT');
    expect((await identityError(() => service.signInClient({ clientKind: 'icloud', appleId, password }))).code).toBe('INCORRECT');
    expect(service.clientSession({ clientKind: 'icloud' })).toBeNull();
  });

  it('is accepted with or without dashes, with spaces and in upper case', async () => {
    const { service, token } = await openSignedIn();
    const { password } = service.createAppPassword(token, { label: 'Mail' });
    const compact = password.replaceAll('-', '');
    const variants = [
      password,
      compact,
      password.replaceAll('-', ' '),
      ` ${password} `,
      password.toUpperCase(),
      compact.toUpperCase(),
      `${compact.slice(0, 8)} ${compact.slice(8).toUpperCase()}`,
    ];
    for (const variant of variants) {
      const session = await signInApp(service, 'third-party', variant);
      expect(session.appPasswordLabel).toBe('Mail');
    }
  });

  it('does not sign in with one letter changed', async () => {
    const { service, token } = await openSignedIn();
    const { password } = service.createAppPassword(token, { label: 'Mail' });
    const changed = (password[0] === 'a' ? 'b' : 'a') + password.slice(1);
    expect((await identityError(() => service.signInClient({ clientKind: 'third-party', appleId, password: changed }))).code).toBe('INCORRECT');
  });

  it('belongs to one account only', async () => {
    const { service, token } = await openSignedIn();
    const { password } = service.createAppPassword(token, { label: 'Mail' });
    await service.createAccount({ appleId: 'other@example.com', password: 'other-password', fullName: 'Other' });
    const otherToken = await signInSite(service, { appleId: 'other@example.com', password: 'other-password' });
    await addPhone(service, otherToken, '+81 90 1234 5678', 'other-password');
    await service.setSecurityLevel(otherToken, { level: 'two-step', currentPassword: 'other-password' });
    expect(
      (await identityError(() => service.signInClient({ clientKind: 'third-party', appleId: 'other@example.com', password }))).code,
    ).toBe('INCORRECT');
  });
});

describe('revoking an app-specific password', () => {
  it('signs out every app using it at once, tells subscribers, and the password stops working', async () => {
    const { service, token } = await openSignedIn();
    const { password, appPassword } = service.createAppPassword(token, { label: 'iMessage and FaceTime' });
    const other = service.createAppPassword(token, { label: 'Mail' });
    const messages = await signInApp(service, 'messages', password);
    const facetime = await signInApp(service, 'facetime', password);
    await signInApp(service, 'third-party', other.password);
    const events = recordEvents(service);

    expect(service.revokeAppPassword(token, { appPasswordId: appPassword.id })).toEqual({ signedOutApps: 2 });

    expect(endedSessions(events)).toEqual(
      expect.arrayContaining([
        { type: 'client-session-ended', sessionId: messages.id, clientKind: 'messages', appleId, reason: 'app-password-revoked' },
        { type: 'client-session-ended', sessionId: facetime.id, clientKind: 'facetime', appleId, reason: 'app-password-revoked' },
      ]),
    );
    expect(endedSessions(events)).toHaveLength(2);
    expect(service.clientSession({ clientKind: 'messages' })).toBeNull();
    expect(service.clientSession({ clientKind: 'facetime' })).toBeNull();
    // The app signed in with the other password stays signed in.
    expect(service.clientSession({ clientKind: 'third-party' })?.appPasswordLabel).toBe('Mail');

    expect(service.listAppPasswords(token).map((p) => p.label)).toEqual(['Mail']);
    expect((await identityError(() => service.signInClient({ clientKind: 'messages', appleId, password }))).code).toBe('INCORRECT');
    const normal = await service.signInClient({ clientKind: 'messages', appleId, password: DEMO_ACCOUNT.password });
    expect(normal.status).toBe('APP_SPECIFIC_PASSWORD_REQUIRED');
  });

  it('refuses an unknown or already revoked one with APP_PASSWORD_NOT_FOUND', async () => {
    const { service, token } = await openSignedIn();
    const { appPassword } = service.createAppPassword(token, { label: 'Mail' });
    service.revokeAppPassword(token, { appPasswordId: appPassword.id });
    expect((await identityError(() => service.revokeAppPassword(token, { appPasswordId: appPassword.id }))).code).toBe('APP_PASSWORD_NOT_FOUND');
    expect((await identityError(() => service.revokeAppPassword(token, { appPasswordId: 9999 }))).code).toBe('APP_PASSWORD_NOT_FOUND');
  });

  it("cannot revoke another account's app-specific password", async () => {
    const { service, token } = await openSignedIn();
    const { password, appPassword } = service.createAppPassword(token, { label: 'Mail' });
    await service.createAccount({ appleId: 'other@example.com', password: 'other-password', fullName: 'Other' });
    const otherToken = await signInSite(service, { appleId: 'other@example.com', password: 'other-password' });
    expect((await identityError(() => service.revokeAppPassword(otherToken, { appPasswordId: appPassword.id }))).code).toBe(
      'APP_PASSWORD_NOT_FOUND',
    );
    expect((await signInApp(service, 'third-party', password)).appPasswordLabel).toBe('Mail');
  });

  it('Revoke All revokes every one and signs out every app using them', async () => {
    const { service, token } = await openSignedIn();
    const a = service.createAppPassword(token, { label: 'iMessage and FaceTime' });
    const b = service.createAppPassword(token, { label: 'Mail' });
    await signInApp(service, 'messages', a.password);
    await signInApp(service, 'third-party', b.password);
    const events = recordEvents(service);

    expect(service.revokeAllAppPasswords(token)).toEqual({ revoked: 2, signedOutApps: 2 });
    expect(endedSessions(events).map((e) => [e.clientKind, e.reason]).sort()).toEqual([
      ['messages', 'app-password-revoked'],
      ['third-party', 'app-password-revoked'],
    ]);
    expect(service.clientSessions()).toEqual([]);
    expect(service.listAppPasswords(token)).toEqual([]);
    for (const password of [a.password, b.password]) {
      expect((await identityError(() => service.signInClient({ clientKind: 'third-party', appleId, password }))).code).toBe('INCORRECT');
    }
    expect(service.revokeAllAppPasswords(token)).toEqual({ revoked: 0, signedOutApps: 0 });
  });
});
