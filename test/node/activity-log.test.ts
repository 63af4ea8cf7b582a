import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../main/identity/clock.js';
import type { ActivityEntry } from '../../preload/contract/models.js';
import { activityLog, codeOnDevice, DEMO_ACCOUNT, deviceOf, identityError, openService, recordEvents, signInSite } from './helpers/identity.js';

const { appleId, password } = DEMO_ACCOUNT;

const summary = (entries: ActivityEntry[]) => entries.map((e) => `${e.source} ${e.event} ${e.outcome}`);

describe('the activity log', () => {
  it('tells the story of the seed flow, step by step', async () => {
    const { service, clock } = await openService();
    const start = activityLog(service).length;

    await service.signInClient({ clientKind: 'messages', appleId, password });
    const token = await signInSite(service);
    const { password: appPassword, appPassword: created } = service.createAppPassword(token, { label: 'iMessage and FaceTime' });
    clock.advance(MINUTE);
    await service.signInClient({ clientKind: 'messages', appleId, password: appPassword });
    service.revokeAppPassword(token, { appPasswordId: created.id });

    const story = activityLog(service).slice(start);
    expect(summary(story)).toEqual([
      'messages app-password-required failure',
      'account-site verification-required info',
      `${DEMO_ACCOUNT.iphone} code-sent info`,
      'account-site code-accepted success',
      'account-site sign-in success',
      'account-site app-password-created success',
      'messages app-password-used success',
      'messages sign-in success',
      'account-site app-password-revoked success',
      'messages session-ended info',
    ]);
    expect(story.every((e) => e.appleId === appleId)).toBe(true);
    expect(story.find((e) => e.event === 'code-sent')?.detail).toEqual({ via: 'find-my-iphone', for: 'account-site' });
    expect(story.find((e) => e.event === 'app-password-created')?.detail).toEqual({ label: 'iMessage and FaceTime' });
    expect(story.find((e) => e.source === 'messages' && e.event === 'sign-in')?.detail).toEqual({
      with: 'app-specific-password',
      label: 'iMessage and FaceTime',
    });
    expect(story.find((e) => e.event === 'session-ended')?.detail).toEqual({ reason: 'app-password-revoked' });
    // Times come from the service's clock.
    expect(story.at(-1)?.at).toBe(clock.now());
  });

  it('names an SMS by the masked number only', async () => {
    const { service } = await openService();
    await signInSite(service, { device: 'phone' });
    const sent = activityLog(service).find((e) => e.event === 'code-sent');
    expect(sent).toMatchObject({ source: '•••-••23', detail: { via: 'sms', for: 'account-site' } });
  });

  it('is pushed live to subscribers, entry by entry', async () => {
    const { service } = await openService();
    const events = recordEvents(service);
    await identityError(() => service.signInClient({ clientKind: 'icloud', appleId, password: 'wrong-password' }));
    const pushed = events.flatMap((e) => (e.type === 'activity' ? [e.entry] : []));
    expect(pushed).toHaveLength(1);
    expect(pushed[0]).toEqual(activityLog(service).at(-1));
    expect(pushed[0]).toMatchObject({ source: 'icloud', event: 'sign-in-refused', outcome: 'failure' });
  });

  it('lists newest first, up to the limit asked for', async () => {
    const { service } = await openService();
    for (let i = 0; i < 5; i++) await identityError(() => service.signInClient({ clientKind: 'messages', appleId: `x${i}@example.com`, password }));
    const recent = service.activity({ limit: 3 });
    expect(recent.map((e) => e.appleId)).toEqual(['x4@example.com', 'x3@example.com', 'x2@example.com']);
    expect((await identityError(() => service.activity({ limit: 0 }))).code).toBe('INVALID_INPUT');
    expect((await identityError(() => service.activity({ limit: 501 }))).code).toBe('INVALID_INPUT');
  });

  it('never holds a secret: passwords, app-specific passwords, codes, recovery keys or session tokens', async () => {
    const { service } = await openService();
    const secrets: string[] = [password];
    const events = recordEvents(service);

    // Sign in with a code, and with the recovery key; create, use and revoke app-specific passwords.
    const token = await signInSite(service);
    secrets.push(token);
    const challenge = await service.signInAccountSite({ appleId, password });
    if (challenge.status !== 'VERIFICATION_REQUIRED') throw new Error('expected a challenge');
    secrets.push(service.completeAccountSiteSignInWithRecoveryKey({ verificationId: challenge.verificationId, recoveryKey: DEMO_ACCOUNT.recoveryKey }).token);
    secrets.push(DEMO_ACCOUNT.recoveryKey.replaceAll('-', ''));
    const made = [service.createAppPassword(token, { label: 'Mail' }), service.createAppPassword(token, { label: 'Chat' })];
    for (const { password: p } of made) secrets.push(p, p.replaceAll('-', ''));
    await service.signInClient({ clientKind: 'third-party', appleId, password: made[0]!.password });
    await identityError(() => service.signInClient({ clientKind: 'icloud', appleId, password: made[1]!.password }));
    service.revokeAllAppPasswords(token);

    // iCloud with a code; a password change; the unlock path with a new password.
    const icloud = await service.signInClient({ clientKind: 'icloud', appleId, password });
    if (icloud.status !== 'VERIFICATION_REQUIRED') throw new Error('expected a challenge');
    service.sendICloudCode({ verificationId: icloud.verificationId, deviceId: deviceOf(icloud.devices, 'phone') });
    service.completeICloudSignIn({ verificationId: icloud.verificationId, code: codeOnDevice(service) });
    await service.changePassword(token, { currentPassword: password, newPassword: 'Second-Password-99' });
    secrets.push('Second-Password-99');
    const unlock = service.beginUnlock({ appleId, recoveryKey: DEMO_ACCOUNT.recoveryKey });
    service.sendUnlockCode({ verificationId: unlock.verificationId, deviceId: deviceOf(unlock.devices, 'iphone') });
    await service.completeUnlock({ verificationId: unlock.verificationId, code: codeOnDevice(service), newPassword: 'Third-Password-77' });
    secrets.push('Third-Password-77');
    await identityError(() => service.signInAccountSite({ appleId, password: 'typo-Third-Password' }));
    secrets.push('typo-Third-Password');

    const log = JSON.stringify(activityLog(service));
    const stored = JSON.stringify(service.database.prepare('SELECT * FROM activity_log').all());
    const published = JSON.stringify(events.filter((e) => e.type !== 'code-delivered'));
    expect(activityLog(service).length).toBeGreaterThan(25);
    for (const secret of secrets) {
      expect(log).not.toContain(secret);
      expect(stored).not.toContain(secret);
      expect(published).not.toContain(secret);
    }
  });
});
