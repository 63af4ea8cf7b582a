import { describe, expect, it } from 'vitest';
import type { ClientKind } from '../../preload/contract/models.js';
import {
  activityLog,
  codeOnDevice,
  DEMO_ACCOUNT,
  deviceOf,
  endedSessions,
  identityError,
  openService,
  recordEvents,
  signInSite,
} from './helpers/identity.js';

const { appleId, password } = DEMO_ACCOUNT;

describe('signing in to an app with the normal password under two-step verification', () => {
  it('Messages and FaceTime need an app-specific password and offer Create with the label prefilled', async () => {
    const { service } = await openService();
    for (const clientKind of ['messages', 'facetime'] as const) {
      const result = await service.signInClient({ clientKind, appleId, password });
      expect(result).toEqual({ status: 'APP_SPECIFIC_PASSWORD_REQUIRED', prefillLabel: 'iMessage and FaceTime', createShortcut: true });
      expect(service.clientSession({ clientKind })).toBeNull();
    }
    const required = activityLog(service).filter((e) => e.event === 'app-password-required');
    expect(required.map((e) => e.source)).toEqual(['messages', 'facetime']);
  });

  it('the third-party app needs one too, but offers no Create shortcut', async () => {
    const { service } = await openService();
    const result = await service.signInClient({ clientKind: 'third-party', appleId, password });
    expect(result).toEqual({ status: 'APP_SPECIFIC_PASSWORD_REQUIRED', prefillLabel: null, createShortcut: false });
    expect(service.clientSession({ clientKind: 'third-party' })).toBeNull();
  });

  it('iCloud asks for a code from a trusted device, then signs in', async () => {
    const { service } = await openService();
    const events = recordEvents(service);
    const result = await service.signInClient({ clientKind: 'icloud', appleId, password });
    if (result.status !== 'VERIFICATION_REQUIRED') throw new Error(`expected VERIFICATION_REQUIRED, got ${result.status}`);
    expect(result.codeLength).toBe(4);
    expect(service.clientSession({ clientKind: 'icloud' })).toBeNull();

    const deviceId = deviceOf(result.devices, 'iphone');
    service.sendICloudCode({ verificationId: result.verificationId, deviceId });
    const session = service.completeICloudSignIn({ verificationId: result.verificationId, code: codeOnDevice(service, deviceId) });

    expect(session).toMatchObject({ clientKind: 'icloud', appleId, fullName: DEMO_ACCOUNT.fullName, appPasswordLabel: null });
    expect(service.clientSession({ clientKind: 'icloud' })).toEqual(session);
    expect(events).toContainEqual({ type: 'client-session-started', session });
  });

  it('iCloud refuses a wrong code and stays signed out', async () => {
    const { service } = await openService();
    const result = await service.signInClient({ clientKind: 'icloud', appleId, password });
    if (result.status !== 'VERIFICATION_REQUIRED') throw new Error('expected a challenge');
    service.sendICloudCode({ verificationId: result.verificationId, deviceId: deviceOf(result.devices, 'phone') });
    const code = codeOnDevice(service);
    const error = await identityError(() =>
      service.completeICloudSignIn({ verificationId: result.verificationId, code: code === '9999' ? '8888' : '9999' }),
    );
    expect(error.code).toBe('CODE_INCORRECT');
    expect(service.clientSession({ clientKind: 'icloud' })).toBeNull();
  });
});

describe('signing in with security level none', () => {
  it('the normal password signs in everywhere, with no code', async () => {
    const { service } = await openService({ seedDemo: false });
    await service.createAccount({ appleId: 'hanako@example.jp', password: 'hanako-password', fullName: 'Hanako' });
    for (const clientKind of ['messages', 'facetime', 'icloud', 'third-party'] as const) {
      const result = await service.signInClient({ clientKind, appleId: 'hanako@example.jp', password: 'hanako-password' });
      expect(result.status).toBe('SIGNED_IN');
      if (result.status === 'SIGNED_IN') expect(result.session).toMatchObject({ clientKind, appleId: 'hanako@example.jp', appPasswordLabel: null });
    }
    expect(service.clientSessions().map((s) => s.clientKind).sort()).toEqual(['facetime', 'icloud', 'messages', 'third-party']);
    const site = await service.signInAccountSite({ appleId: 'hanako@example.jp', password: 'hanako-password' });
    expect(site.status).toBe('SIGNED_IN');
  });

  it('after turning two-step off, the demo account signs in to Messages with its password', async () => {
    const { service } = await openService();
    const token = await signInSite(service);
    await service.setSecurityLevel(token, { level: 'none', currentPassword: password });
    const result = await service.signInClient({ clientKind: 'messages', appleId, password });
    expect(result.status).toBe('SIGNED_IN');
  });
});

describe('a wrong Apple ID or password', () => {
  it('never says which half was wrong', async () => {
    const { service } = await openService();
    const unknown = await identityError(() => service.signInClient({ clientKind: 'messages', appleId: 'nobody@example.com', password }));
    const wrongPassword = await identityError(() => service.signInClient({ clientKind: 'messages', appleId, password: 'wrong-password' }));
    expect(unknown.code).toBe('INCORRECT');
    expect(wrongPassword.code).toBe('INCORRECT');
    expect(unknown.toPayload()).toEqual(wrongPassword.toPayload());
    expect(unknown.toPayload()).toEqual({ code: 'INCORRECT', messageKey: 'errors.INCORRECT' });

    const siteUnknown = await identityError(() => service.signInAccountSite({ appleId: 'nobody@example.com', password }));
    const siteWrong = await identityError(() => service.signInAccountSite({ appleId, password: 'wrong-password' }));
    expect(siteUnknown.toPayload()).toEqual(siteWrong.toPayload());
  });

  it('logs both refusals alike, without the password typed', async () => {
    const { service } = await openService();
    await identityError(() => service.signInClient({ clientKind: 'third-party', appleId: 'nobody@example.com', password: 'secret-guess-1' }));
    await identityError(() => service.signInClient({ clientKind: 'third-party', appleId, password: 'secret-guess-2' }));
    const refusals = activityLog(service).filter((e) => e.event === 'sign-in-refused');
    expect(refusals.map((e) => [e.appleId, e.source, e.outcome, e.detail.reason])).toEqual([
      ['nobody@example.com', 'third-party', 'failure', 'incorrect'],
      [appleId, 'third-party', 'failure', 'incorrect'],
    ]);
    expect(JSON.stringify(activityLog(service))).not.toContain('secret-guess');
  });

  it('an empty password is INCORRECT, not a different message', async () => {
    const { service } = await openService();
    expect((await identityError(() => service.signInClient({ clientKind: 'messages', appleId, password: '' }))).code).toBe('INCORRECT');
  });
});

describe('the Apple ID typed', () => {
  it('is trimmed and compared case-insensitively', async () => {
    const { service } = await openService();
    const result = await service.signInClient({ clientKind: 'facetime', appleId: '  Demo@TwoStep.Example \t', password });
    expect(result.status).toBe('APP_SPECIFIC_PASSWORD_REQUIRED');
    const site = await service.signInAccountSite({ appleId: 'DEMO@TWOSTEP.EXAMPLE', password });
    expect(site.status).toBe('VERIFICATION_REQUIRED');
  });

  it('look-alikes that Unicode case mapping would fold into the demo address are refused, not matched', async () => {
    const { service } = await openService();
    for (const lookAlike of ['demo@twostep.exampl\u212a', 'ｄｅｍｏ@twostep.example', 'dem\u043e@twostep.example', 'DEMO@TWOSTEP.EXAMPL\u212a']) {
      expect((await identityError(() => service.signInClient({ clientKind: 'messages', appleId: lookAlike, password }))).code).toBe('APPLE_ID_INVALID');
    }
  });

  it('a malformed one is APPLE_ID_INVALID and writes nothing', async () => {
    const { service } = await openService();
    const countRows = () => service.database.prepare('SELECT count(*) AS n FROM activity_log').get() as { n: number };
    const before = countRows().n;
    const accountBefore = JSON.stringify(service.database.prepare('SELECT * FROM accounts').all());
    for (const bad of ['demo', 'demo@', '@twostep.example', 'demo twostep@example.com', '', 'a'.repeat(250) + '@example.com']) {
      const error = await identityError(() => service.signInClient({ clientKind: 'messages', appleId: bad, password }));
      expect(error.code).toBe('APPLE_ID_INVALID');
      expect(error.fields?.[0]?.path).toBe('appleId');
      expect((await identityError(() => service.signInAccountSite({ appleId: bad, password }))).code).toBe('APPLE_ID_INVALID');
    }
    expect(countRows().n).toBe(before);
    expect(JSON.stringify(service.database.prepare('SELECT * FROM accounts').all())).toBe(accountBefore);
  });

  it('unknown fields and unknown apps are refused at the boundary', async () => {
    const { service } = await openService();
    const extra = { clientKind: 'messages', appleId, password, admin: true } as unknown as Parameters<typeof service.signInClient>[0];
    expect((await identityError(() => service.signInClient(extra))).code).toBe('INVALID_INPUT');
    const badKind = { clientKind: 'safari' as ClientKind, appleId, password };
    expect((await identityError(() => service.signInClient(badKind))).code).toBe('INVALID_INPUT');
  });
});

describe('app sessions', () => {
  it('signing out ends the session and tells subscribers; signing out again is CLIENT_NOT_SIGNED_IN', async () => {
    const { service } = await openService();
    const token = await signInSite(service);
    const { password: appPassword } = service.createAppPassword(token, { label: 'Mail' });
    const result = await service.signInClient({ clientKind: 'third-party', appleId, password: appPassword });
    if (result.status !== 'SIGNED_IN') throw new Error('expected SIGNED_IN');
    const events = recordEvents(service);

    service.signOutClient({ clientKind: 'third-party' });
    expect(service.clientSession({ clientKind: 'third-party' })).toBeNull();
    expect(endedSessions(events)).toEqual([
      { type: 'client-session-ended', sessionId: result.session.id, clientKind: 'third-party', appleId, reason: 'signed-out' },
    ]);
    expect((await identityError(() => service.signOutClient({ clientKind: 'third-party' }))).code).toBe('CLIENT_NOT_SIGNED_IN');
  });

  it('signing an app in again replaces its session', async () => {
    const { service } = await openService();
    const token = await signInSite(service);
    const a = service.createAppPassword(token, { label: 'First' });
    const b = service.createAppPassword(token, { label: 'Second' });
    const first = await service.signInClient({ clientKind: 'messages', appleId, password: a.password });
    if (first.status !== 'SIGNED_IN') throw new Error('expected SIGNED_IN');
    const events = recordEvents(service);
    await service.signInClient({ clientKind: 'messages', appleId, password: b.password });

    expect(endedSessions(events)).toEqual([
      { type: 'client-session-ended', sessionId: first.session.id, clientKind: 'messages', appleId, reason: 'replaced' },
    ]);
    expect(service.clientSessions()).toHaveLength(1);
    expect(service.clientSession({ clientKind: 'messages' })?.appPasswordLabel).toBe('Second');
  });
});
