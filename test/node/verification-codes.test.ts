import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../main/identity/clock.js';
import { verificationCode } from '../../main/identity/crypto/secrets.js';
import { CODE_RESEND_INTERVAL_MS } from '../../main/identity/service/verification.js';
import type { IdentityService } from '../../main/identity/identity-service.js';
import {
  activityLog,
  codeOnDevice,
  DEMO_ACCOUNT,
  deviceOf,
  identityError,
  openService,
  recordEvents,
  signInSite,
} from './helpers/identity.js';

const credentials = { appleId: DEMO_ACCOUNT.appleId, password: DEMO_ACCOUNT.password };

/** Starts an account-site sign-in and sends a code to the iPhone; returns what the user sees. */
async function startSiteSignIn(service: IdentityService, device: 'iphone' | 'phone' = 'iphone') {
  const challenge = await service.signInAccountSite(credentials);
  if (challenge.status !== 'VERIFICATION_REQUIRED') throw new Error('expected a code to be asked for');
  const deviceId = deviceOf(challenge.devices, device);
  const sent = service.sendAccountSiteCode({ verificationId: challenge.verificationId, deviceId });
  return { challenge, verificationId: challenge.verificationId, deviceId, sent, code: codeOnDevice(service, deviceId) };
}

function wrongCode(code: string): string {
  return code === '0000' ? '1111' : '0000';
}

describe('verification codes', () => {
  it('are 4 digits under two-step verification, delivered to the chosen device', async () => {
    const { service, clock } = await openService();
    const events = recordEvents(service);
    const { challenge, sent, code, deviceId } = await startSiteSignIn(service, 'phone');

    expect(challenge.codeLength).toBe(4);
    expect(challenge.securityLevel).toBe('two-step');
    expect(challenge.recoveryKeyAccepted).toBe(true);
    expect(challenge.devices.map((d) => [d.kind, d.maskedName])).toEqual([
      ['iphone', DEMO_ACCOUNT.iphone],
      ['phone', '•••-••23'],
    ]);
    expect(sent).toEqual({ deviceId, deviceName: '•••-••23', codeLength: 4, expiresAt: clock.now() + 10 * MINUTE, awaitsApproval: false });
    expect(code).toMatch(/^\d{4}$/);
    expect(service.deviceNotifications(deviceOf(challenge.devices, 'iphone'))).toEqual([]);
    const delivered = events.flatMap((e) => (e.type === 'code-delivered' ? [e.notification] : []));
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({ deviceId, deviceKind: 'phone', appleId: DEMO_ACCOUNT.appleId, code });
  });

  it('are 6 digits under two-factor authentication (by SMS: the iPhone asks to Allow first, sign-in-approval.test.ts)', async () => {
    const { service } = await openService();
    const token = await signInSite(service);
    await service.setSecurityLevel(token, { level: 'two-factor', currentPassword: DEMO_ACCOUNT.password });

    const { challenge, sent, code, verificationId } = await startSiteSignIn(service, 'phone');
    expect(challenge.codeLength).toBe(6);
    expect(challenge.securityLevel).toBe('two-factor');
    expect(challenge.recoveryKeyAccepted).toBe(false);
    expect(sent.codeLength).toBe(6);
    expect(code).toMatch(/^\d{6}$/);
    expect(service.completeAccountSiteSignIn({ verificationId, code }).token).toEqual(expect.any(String));
  });

  it('come from the whole range, zero-padded', () => {
    const codes = Array.from({ length: 400 }, () => verificationCode(4));
    expect(codes.every((c) => /^\d{4}$/.test(c))).toBe(true);
    expect(new Set(codes).size).toBeGreaterThan(300);
    expect(codes.some((c) => c.startsWith('0'))).toBe(true);
  });

  it('work once: the same code used a second time is refused', async () => {
    const { service } = await openService();
    const { verificationId, code } = await startSiteSignIn(service);
    service.completeAccountSiteSignIn({ verificationId, code });
    expect((await identityError(() => service.completeAccountSiteSignIn({ verificationId, code }))).code).toBe('VERIFICATION_NOT_FOUND');
  });

  it('accept the code typed with spaces', async () => {
    const { service } = await openService();
    const { verificationId, code } = await startSiteSignIn(service);
    expect(service.completeAccountSiteSignIn({ verificationId, code: ` ${code.slice(0, 2)} ${code.slice(2)} ` }).token).toBeTruthy();
  });

  it('work just before 10 minutes', async () => {
    const { service, clock } = await openService();
    const { verificationId, code } = await startSiteSignIn(service);
    clock.advance(10 * MINUTE - 1);
    expect(service.completeAccountSiteSignIn({ verificationId, code }).token).toBeTruthy();
  });

  it('expire at exactly 10 minutes (CODE_EXPIRED), and a new code then works', async () => {
    const { service, clock } = await openService();
    const { verificationId, code, deviceId } = await startSiteSignIn(service);
    clock.advance(10 * MINUTE);
    expect(service.deviceNotifications(deviceId)).toEqual([]);
    expect((await identityError(() => service.completeAccountSiteSignIn({ verificationId, code }))).code).toBe('CODE_EXPIRED');
    // Once expired it stays refused: the user is asked to send a new code.
    expect((await identityError(() => service.completeAccountSiteSignIn({ verificationId, code }))).code).toBe('CODE_NOT_SENT');

    service.sendAccountSiteCode({ verificationId, deviceId });
    expect(service.completeAccountSiteSignIn({ verificationId, code: codeOnDevice(service, deviceId) }).token).toBeTruthy();
  });

  it('report the tries left; the fifth wrong try ends the code and, being the account\'s fifth failure, locks it', async () => {
    const { service, clock } = await openService();
    const { verificationId, code, deviceId } = await startSiteSignIn(service);
    const wrong = wrongCode(code);

    for (const remaining of [4, 3, 2, 1]) {
      const error = await identityError(() => service.completeAccountSiteSignIn({ verificationId, code: wrong }));
      expect(error.code).toBe('CODE_INCORRECT');
      expect(error.params).toEqual({ remaining });
    }
    const locked = await identityError(() => service.completeAccountSiteSignIn({ verificationId, code: wrong }));
    expect(locked.code).toBe('LOCKED');
    expect(locked.params?.minutes).toBe(1);
    clock.advance(MINUTE);
    // The lock is over, but that code is spent: even the right one is refused.
    expect((await identityError(() => service.completeAccountSiteSignIn({ verificationId, code }))).code).toBe('CODE_ATTEMPTS_EXCEEDED');

    service.sendAccountSiteCode({ verificationId, deviceId });
    expect(service.completeAccountSiteSignIn({ verificationId, code: codeOnDevice(service, deviceId) }).token).toBeTruthy();
  });

  it('a fresh code starts with five tries again, though the account keeps counting', async () => {
    const { service, clock } = await openService();
    const { verificationId, code, deviceId } = await startSiteSignIn(service);
    for (const remaining of [4, 3]) {
      expect((await identityError(() => service.completeAccountSiteSignIn({ verificationId, code: wrongCode(code) }))).params).toEqual({ remaining });
    }
    clock.advance(CODE_RESEND_INTERVAL_MS);
    service.sendAccountSiteCode({ verificationId, deviceId });
    const fresh = codeOnDevice(service, deviceId);
    expect((await identityError(() => service.completeAccountSiteSignIn({ verificationId, code: wrongCode(fresh) }))).params).toEqual({ remaining: 4 });
    // Three failures so far: one more is free, the next locks, whichever code it was typed for.
    expect((await identityError(() => service.completeAccountSiteSignIn({ verificationId, code: wrongCode(fresh) }))).code).toBe('CODE_INCORRECT');
    expect((await identityError(() => service.completeAccountSiteSignIn({ verificationId, code: wrongCode(fresh) }))).code).toBe('LOCKED');
  });

  it('a newer code replaces the earlier one, and the device is told which one it replaced', async () => {
    const { service, clock } = await openService();
    const { verificationId, code: first, deviceId } = await startSiteSignIn(service);
    const firstNotification = service.deviceNotifications(deviceId)[0]!;
    expect(firstNotification.replaces).toBeNull();
    let second = first;
    // Codes are random: send until the new one differs (almost always at once).
    while (second === first) {
      clock.advance(CODE_RESEND_INTERVAL_MS);
      service.sendAccountSiteCode({ verificationId, deviceId });
      second = codeOnDevice(service, deviceId);
    }
    expect(service.deviceNotifications(deviceId)[0]!.replaces).not.toBeNull();
    expect(service.deviceNotifications(deviceId).map((n) => n.id)).toContain(firstNotification.id);
    expect((await identityError(() => service.completeAccountSiteSignIn({ verificationId, code: first }))).code).toBe('CODE_INCORRECT');
    expect(service.completeAccountSiteSignIn({ verificationId, code: second }).token).toBeTruthy();
  });

  it('a typed code before any was sent is CODE_NOT_SENT', async () => {
    const { service } = await openService();
    const challenge = await service.signInAccountSite(credentials);
    if (challenge.status !== 'VERIFICATION_REQUIRED') throw new Error('expected a challenge');
    expect((await identityError(() => service.completeAccountSiteSignIn({ verificationId: challenge.verificationId, code: '1234' }))).code).toBe(
      'CODE_NOT_SENT',
    );
  });

  it('are bound to their purpose: an account-site code does not finish an iCloud sign-in', async () => {
    const { service } = await openService();
    const { verificationId, code } = await startSiteSignIn(service);
    expect((await identityError(() => service.completeICloudSignIn({ verificationId, code }))).code).toBe('VERIFICATION_NOT_FOUND');
    expect((await identityError(() => service.sendICloudCode({ verificationId, deviceId: 1 }))).code).toBe('VERIFICATION_NOT_FOUND');
  });

  it('refuse a device that is not one of the account', async () => {
    const { service } = await openService();
    const challenge = await service.signInAccountSite(credentials);
    if (challenge.status !== 'VERIFICATION_REQUIRED') throw new Error('expected a challenge');
    expect((await identityError(() => service.sendAccountSiteCode({ verificationId: challenge.verificationId, deviceId: 999 }))).code).toBe(
      'TRUSTED_DEVICE_NOT_FOUND',
    );
  });

  it('a started sign-in ends after 30 minutes whatever codes were sent', async () => {
    const { service, clock } = await openService();
    const { verificationId, deviceId } = await startSiteSignIn(service);
    clock.advance(30 * MINUTE);
    expect((await identityError(() => service.sendAccountSiteCode({ verificationId, deviceId }))).code).toBe('VERIFICATION_EXPIRED');
  });

  it('never appear in the activity log or in any error payload', async () => {
    const { service, clock } = await openService();
    const seen: string[] = [];
    const payloads: string[] = [];
    const refuse = async (action: () => unknown) => {
      payloads.push(JSON.stringify((await identityError(action)).toPayload()));
    };

    // A right code, a wrong code, an expired code, an exhausted code, and an iCloud code.
    let started = await startSiteSignIn(service);
    seen.push(started.code);
    await refuse(() => service.completeAccountSiteSignIn({ verificationId: started.verificationId, code: wrongCode(started.code) }));
    service.completeAccountSiteSignIn({ verificationId: started.verificationId, code: started.code });

    started = await startSiteSignIn(service, 'phone');
    seen.push(started.code);
    clock.advance(10 * MINUTE);
    await refuse(() => service.completeAccountSiteSignIn({ verificationId: started.verificationId, code: started.code }));

    started = await startSiteSignIn(service);
    seen.push(started.code);
    for (let i = 0; i < 5; i++) {
      await refuse(() => service.completeAccountSiteSignIn({ verificationId: started.verificationId, code: wrongCode(started.code) }));
    }
    clock.advance(MINUTE); // the fifth wrong code locked the account for a minute
    await refuse(() => service.completeAccountSiteSignIn({ verificationId: started.verificationId, code: started.code }));

    const icloud = await service.signInClient({ clientKind: 'icloud', ...credentials });
    if (icloud.status !== 'VERIFICATION_REQUIRED') throw new Error('expected a challenge');
    service.sendICloudCode({ verificationId: icloud.verificationId, deviceId: deviceOf(icloud.devices, 'iphone') });
    const icloudCode = codeOnDevice(service);
    seen.push(icloudCode);
    service.completeICloudSignIn({ verificationId: icloud.verificationId, code: icloudCode });

    const log = activityLog(service);
    expect(log.filter((e) => e.event === 'code-sent')).toHaveLength(4);
    expect(log.filter((e) => e.event === 'code-refused').length).toBeGreaterThanOrEqual(8);
    const logJson = log.map((entry) => JSON.stringify(entry));
    const stored = service.database.prepare('SELECT detail FROM activity_log').all() as { detail: string }[];
    for (const code of seen) {
      // A 4-digit code could collide with a timestamp's digits by chance; check each field
      // that could carry it, and the whole detail text, for the code as a value.
      for (const entry of log) {
        expect(Object.values(entry.detail).map(String)).not.toContain(code);
        expect([entry.source, entry.appleId, entry.event]).not.toContain(code);
      }
      expect(logJson.filter((json) => json.includes(`"${code}"`))).toEqual([]);
      expect(stored.filter((row) => row.detail.includes(code))).toEqual([]);
      for (const payload of payloads) expect(payload).not.toContain(code);
    }
  });

  it('run into the account lock: every wrong code is a failed guess at the account, and a locked account gets no code', async () => {
    const { service, clock } = await openService();
    const { verificationId, deviceId, code } = await startSiteSignIn(service);
    for (let i = 0; i < 4; i++) {
      expect((await identityError(() => service.completeAccountSiteSignIn({ verificationId, code: wrongCode(code) }))).code).toBe('CODE_INCORRECT');
    }
    expect((await identityError(() => service.completeAccountSiteSignIn({ verificationId, code: wrongCode(code) }))).code).toBe('LOCKED');
    clock.advance(CODE_RESEND_INTERVAL_MS);
    expect((await identityError(() => service.sendAccountSiteCode({ verificationId, deviceId }))).code).toBe('LOCKED');
    expect((await identityError(() => service.signInAccountSite(credentials))).code).toBe('LOCKED');
    clock.advance(MINUTE);
    expect(await signInSite(service)).toBeTruthy();
  });
});
