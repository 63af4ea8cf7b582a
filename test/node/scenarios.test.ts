import { describe, expect, it } from 'vitest';
import type { IdentityService } from '../../main/identity/identity-service.js';
import {
  activityLog,
  codeOnDevice,
  DEMO_ACCOUNT,
  deviceOf,
  endedSessions,
  identityError,
  openSignedIn,
  recordEvents,
  signInApp,
} from './helpers/identity.js';

const { appleId, password } = DEMO_ACCOUNT;

/** Every app signed in: Messages, FaceTime and the third-party app on app-specific passwords, iCloud with a code. */
async function everyAppSignedIn() {
  const opened = await openSignedIn();
  const { service, token } = opened;
  const imessage = service.createAppPassword(token, { label: 'iMessage and FaceTime' });
  const mail = service.createAppPassword(token, { label: 'Mail' });
  await signInApp(service, 'messages', imessage.password);
  await signInApp(service, 'facetime', imessage.password);
  await signInApp(service, 'third-party', mail.password);
  const icloud = await service.signInClient({ clientKind: 'icloud', appleId, password });
  if (icloud.status !== 'VERIFICATION_REQUIRED') throw new Error('expected a challenge');
  service.sendICloudCode({ verificationId: icloud.verificationId, deviceId: deviceOf(icloud.devices, 'iphone') });
  service.completeICloudSignIn({ verificationId: icloud.verificationId, code: codeOnDevice(service) });
  return { ...opened, imessage, mail, events: recordEvents(service) };
}

const signedInKinds = (service: IdentityService) => service.clientSessions().map((s) => s.clientKind).sort();

describe('scenario events from the control center', () => {
  it('sign-out signs out only the app named', async () => {
    const { service, events } = await everyAppSignedIn();
    expect(await service.runScenario({ event: 'sign-out', clientKind: 'facetime' })).toEqual({ signedOutApps: 1 });
    expect(endedSessions(events).map((e) => [e.clientKind, e.reason])).toEqual([['facetime', 'signed-out']]);
    expect(signedInKinds(service)).toEqual(['icloud', 'messages', 'third-party']);
    expect(await service.runScenario({ event: 'sign-out', clientKind: 'facetime' })).toEqual({ signedOutApps: 0 });
  });

  it('software-update signs Messages and FaceTime out; the mail app on its app-specific password and iCloud stay signed in', async () => {
    const { service, events, imessage, token } = await everyAppSignedIn();
    expect(await service.runScenario({ event: 'software-update' })).toEqual({ signedOutApps: 2 });
    expect(endedSessions(events).map((e) => [e.clientKind, e.reason]).sort()).toEqual([
      ['facetime', 'software-update'],
      ['messages', 'software-update'],
    ]);
    expect(signedInKinds(service)).toEqual(['icloud', 'third-party']);
    // Nothing was revoked: Messages signs in again with the same app-specific password.
    expect(service.listAppPasswords(token)).toHaveLength(2);
    expect((await signInApp(service, 'messages', imessage.password)).appPasswordLabel).toBe('iMessage and FaceTime');
  });

  it('sim-swap signs Messages and FaceTime out; the mail app keeps its app-specific password and its session', async () => {
    const { service, events, token } = await everyAppSignedIn();
    const mailSession = service.clientSession({ clientKind: 'third-party' });
    expect(await service.runScenario({ event: 'sim-swap' })).toEqual({ signedOutApps: 2 });
    expect(endedSessions(events).map((e) => [e.clientKind, e.reason]).sort()).toEqual([
      ['facetime', 'sim-swap'],
      ['messages', 'sim-swap'],
    ]);
    expect(signedInKinds(service)).toEqual(['icloud', 'third-party']);
    expect(service.clientSession({ clientKind: 'third-party' })?.id).toBe(mailSession?.id);
    expect(service.listAppPasswords(token)).toHaveLength(2);
  });

  it("unexpected-re-sign-in ends Messages and FaceTime with reason 'unexpected' and leaves the others", async () => {
    const { service, events, imessage } = await everyAppSignedIn();
    expect(await service.runScenario({ event: 'unexpected-re-sign-in' })).toEqual({ signedOutApps: 2 });
    const ended = endedSessions(events);
    expect(ended.map((e) => [e.clientKind, e.reason]).sort()).toEqual([
      ['facetime', 'unexpected'],
      ['messages', 'unexpected'],
    ]);
    expect(ended.every((e) => e.appleId === appleId)).toBe(true);
    expect(signedInKinds(service)).toEqual(['icloud', 'third-party']);
    // Nothing was revoked: the same app-specific password signs Messages in again.
    expect((await signInApp(service, 'messages', imessage.password)).appPasswordLabel).toBe('iMessage and FaceTime');
  });

  it('change-password revokes the app-specific passwords and signs every app out', async () => {
    const { service, events, imessage, token } = await everyAppSignedIn();
    expect(await service.runScenario({ event: 'change-password', appleId: ' DEMO@twostep.example ', newPassword: 'Changed-Elsewhere-1' })).toEqual({
      signedOutApps: 4,
    });
    expect(endedSessions(events).map((e) => e.clientKind).sort()).toEqual(['facetime', 'icloud', 'messages', 'third-party']);
    expect(new Set(endedSessions(events).map((e) => e.reason))).toEqual(new Set(['password-changed']));
    expect(service.listAppPasswords(token)).toEqual([]);
    expect((await identityError(() => service.signInClient({ clientKind: 'messages', appleId, password: imessage.password }))).code).toBe('INCORRECT');
    expect((await service.signInAccountSite({ appleId, password: 'Changed-Elsewhere-1' })).status).toBe('VERIFICATION_REQUIRED');
    expect((await identityError(() => service.signInAccountSite({ appleId, password }))).code).toBe('INCORRECT');
  });

  it('change-password for an unknown account is ACCOUNT_NOT_FOUND and changes nothing', async () => {
    const { service } = await everyAppSignedIn();
    const error = await identityError(() => service.runScenario({ event: 'change-password', appleId: 'nobody@example.com', newPassword: 'whatever-123' }));
    expect(error.code).toBe('ACCOUNT_NOT_FOUND');
    expect(service.clientSessions()).toHaveLength(4);
  });

  it('refuses an unknown scenario', async () => {
    const { service } = await everyAppSignedIn();
    const bogus = { event: 'meteor-strike' } as unknown as Parameters<typeof service.runScenario>[0];
    expect((await identityError(() => service.runScenario(bogus))).code).toBe('INVALID_INPUT');
    expect(service.clientSessions()).toHaveLength(4);
  });

  it('each scenario is logged with what it was and each ended session with its reason', async () => {
    const { service } = await everyAppSignedIn();
    await service.runScenario({ event: 'unexpected-re-sign-in' });
    const log = activityLog(service);
    const scenario = log.filter((e) => e.event === 'scenario');
    expect(scenario).toEqual([expect.objectContaining({ source: 'control-center', detail: { scenario: 'unexpected-re-sign-in' } })]);
    const ended = log.filter((e) => e.event === 'session-ended');
    expect(ended.map((e) => [e.source, e.detail.reason]).sort()).toEqual([
      ['facetime', 'unexpected'],
      ['messages', 'unexpected'],
    ]);
  });

  it('events reach subscribers only after the change is visible', async () => {
    const { service } = await everyAppSignedIn();
    const seenDuringEvent: (string | null)[] = [];
    const unsubscribe = service.subscribe((event) => {
      if (event.type === 'client-session-ended') seenDuringEvent.push(service.clientSession({ clientKind: event.clientKind })?.id ?? null);
    });
    await service.runScenario({ event: 'software-update' });
    unsubscribe();
    expect(seenDuringEvent).toEqual([null, null]);
  });

  it('a subscriber that throws does not stop the others', async () => {
    const { service, events } = await everyAppSignedIn();
    service.subscribe(() => {
      throw new Error('closed window');
    });
    const later: string[] = [];
    service.subscribe((event) => later.push(event.type));
    await service.runScenario({ event: 'sim-swap' });
    expect(endedSessions(events)).toHaveLength(2);
    expect(later.filter((t) => t === 'client-session-ended')).toHaveLength(2);
  });
});

describe('the seed flow, step by step (SPEC §2)', () => {
  it('Messages → Create → portal with a code → new password → Messages signed in → Delete signs it out', async () => {
    const { service } = await openSignedIn();
    // 2-3. Messages with the normal password: an app-specific password is required.
    const refused = await service.signInClient({ clientKind: 'messages', appleId, password });
    expect(refused).toMatchObject({ status: 'APP_SPECIFIC_PASSWORD_REQUIRED', prefillLabel: 'iMessage and FaceTime', createShortcut: true });

    // 5. The portal: Apple ID and password, then a 4-digit code on the chosen device.
    const challenge = await service.signInAccountSite({ appleId, password });
    if (challenge.status !== 'VERIFICATION_REQUIRED') throw new Error('expected a challenge');
    const iphone = deviceOf(challenge.devices, 'iphone');
    service.sendAccountSiteCode({ verificationId: challenge.verificationId, deviceId: iphone });
    const [notification] = service.deviceNotifications(iphone);
    expect(notification).toMatchObject({ deviceName: DEMO_ACCOUNT.iphone, deviceKind: 'iphone', appleId });
    const { token } = service.completeAccountSiteSignIn({ verificationId: challenge.verificationId, code: notification!.code });

    // 6. Create with the prefilled label: the password is shown once.
    const created = service.createAppPassword(token, { label: refused.status === 'APP_SPECIFIC_PASSWORD_REQUIRED' ? refused.prefillLabel! : '' });
    expect(created.password).toMatch(/^[a-z]{4}(-[a-z]{4}){3}$/);

    // 7. Pasted into Messages: signed in, with the label shown as the password used.
    const events = recordEvents(service);
    const session = await signInApp(service, 'messages', created.password);
    expect(session.appPasswordLabel).toBe('iMessage and FaceTime');
    expect(events.some((e) => e.type === 'client-session-started' && e.session.id === session.id)).toBe(true);

    // 9. View History, then Delete: Messages is signed out at once, and the password is dead.
    expect(service.listAppPasswords(token)).toEqual([expect.objectContaining({ label: 'iMessage and FaceTime', lastUsedBy: 'messages' })]);
    service.revokeAppPassword(token, { appPasswordId: created.appPassword.id });
    expect(endedSessions(events)).toEqual([expect.objectContaining({ sessionId: session.id, reason: 'app-password-revoked' })]);
    expect(service.clientSession({ clientKind: 'messages' })).toBeNull();
    expect((await identityError(() => service.signInClient({ clientKind: 'messages', appleId, password: created.password }))).code).toBe('INCORRECT');
  });
});

describe('resetting the demo', () => {
  it('signs every app out and brings back the demo account as it was first', async () => {
    const { service, events, token } = await everyAppSignedIn();
    await service.changePassword(token, { currentPassword: password, newPassword: 'Something-Else-1' });
    await signInApp(service, 'third-party', service.createAppPassword(token, { label: 'Mail again' }).password);
    await service.createAccount({ appleId: 'extra@example.com', password: 'extra-password', fullName: 'Extra' });
    events.length = 0;

    await service.resetDemo();
    expect(endedSessions(events).map((e) => [e.clientKind, e.reason])).toEqual([['third-party', 'demo-reset']]);
    expect(service.clientSessions()).toEqual([]);
    expect(service.deviceNotifications()).toEqual([]);
    expect((await identityError(() => service.accountSiteAccount(token))).code).toBe('NOT_SIGNED_IN');
    expect((await identityError(() => service.signInAccountSite({ appleId: 'extra@example.com', password: 'extra-password' }))).code).toBe('INCORRECT');

    // The demo password is back.
    const fresh = await signInSiteAgain(service);
    expect(service.accountSiteAccount(fresh)).toMatchObject({ securityLevel: 'two-step', hasRecoveryKey: true, activeAppPasswords: 0 });
    expect(activityLog(service).map((e) => e.event)).toEqual(expect.arrayContaining(['account-created', 'demo-reset']));
  });
});

async function signInSiteAgain(service: IdentityService): Promise<string> {
  const challenge = await service.signInAccountSite({ appleId, password });
  if (challenge.status !== 'VERIFICATION_REQUIRED') throw new Error('expected a challenge');
  return service.completeAccountSiteSignInWithRecoveryKey({ verificationId: challenge.verificationId, recoveryKey: DEMO_ACCOUNT.recoveryKey }).token;
}
