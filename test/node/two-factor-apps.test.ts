import { describe, expect, it } from 'vitest';
import type { IdentityService } from '../../main/identity/identity-service.js';
import { CODE_RESEND_INTERVAL_MS } from '../../main/identity/service/verification.js';
import type { ClientKind } from '../../preload/contract/models.js';
import { activityLog, codeOnDevice, DEMO_ACCOUNT, deviceOf, identityError, openService, signInSite } from './helpers/identity.js';
import { failuresOf } from './helpers/password-checks.js';

/**
 * Messages and FaceTime under two-factor authentication (issue 19 part B): on OS X 10.11 or
 * later the app asks for the code itself; on 10.10 the code is typed after the password. Every
 * wrong entry is one failed guess on the account's one budget; the third-party app still needs
 * an app-specific password.
 */
const { appleId, password } = DEMO_ACCOUNT;
const OS_10_11 = { macOs: '10.11' } as const;
const OS_10_10 = { macOs: '10.10' } as const;

async function twoFactorService() {
  const opened = await openService();
  await opened.service.setSecurityLevel(await signInSite(opened.service), { level: 'two-factor', currentPassword: password });
  return opened;
}

const failures = (service: IdentityService) => failuresOf(service, appleId);

/** A 6-digit code that is not `code`. */
function otherCode(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, '0');
}

async function codeInApp(service: IdentityService, clientKind: ClientKind = 'messages') {
  const result = await service.signInClient({ clientKind, appleId, password }, OS_10_11);
  if (result.status !== 'CODE_REQUIRED') throw new Error(`expected the code in the app, got ${result.status}`);
  return result;
}

describe('Messages and FaceTime on OS X 10.11 or later, under two-factor authentication', () => {
  it('the right password sends a 6-digit code to the iPhone at once, and that code typed in the app signs it in (no app-specific password)', async () => {
    const { service } = await twoFactorService();
    for (const clientKind of ['messages', 'facetime'] as const) {
      const challenge = await codeInApp(service, clientKind);
      expect(challenge.codeLength).toBe(6);
      expect(challenge.codeSent).toMatchObject({ deviceId: deviceOf(challenge.devices, 'iphone'), codeLength: 6 });
      const code = codeOnDevice(service, challenge.codeSent.deviceId!);
      expect(code).toMatch(/^\d{6}$/);
      const session = service.completeAppCodeSignIn({ clientKind, verificationId: challenge.verificationId, code });
      expect(session).toMatchObject({ clientKind, appleId, appPasswordLabel: null });
      expect(service.clientSession({ clientKind })?.id).toBe(session.id);
    }
  });

  it('a wrong code is refused and counted on the failure budget; a right code after it clears the count', async () => {
    const { service } = await twoFactorService();
    const challenge = await codeInApp(service);
    const code = codeOnDevice(service, challenge.codeSent.deviceId!);
    const wrong = await identityError(() => service.completeAppCodeSignIn({ clientKind: 'messages', verificationId: challenge.verificationId, code: otherCode(code) }));
    expect(wrong.code).toBe('CODE_INCORRECT');
    expect(failures(service)).toBe(1);
    expect(service.clientSession({ clientKind: 'messages' })).toBeNull();
    service.completeAppCodeSignIn({ clientKind: 'messages', verificationId: challenge.verificationId, code });
    expect(failures(service)).toBe(0);
  });

  it('wrong codes in the app lock the account as wrong passwords do, and then even the right code is refused', async () => {
    const { service } = await twoFactorService();
    service.database.prepare('UPDATE accounts SET failed_attempts = 4 WHERE apple_id = ?').run(appleId);
    const challenge = await codeInApp(service);
    const code = codeOnDevice(service, challenge.codeSent.deviceId!);
    const locked = await identityError(() => service.completeAppCodeSignIn({ clientKind: 'messages', verificationId: challenge.verificationId, code: otherCode(code) }));
    expect(locked.code).toBe('LOCKED');
    expect((await identityError(() => service.completeAppCodeSignIn({ clientKind: 'messages', verificationId: challenge.verificationId, code }))).code).toBe('LOCKED');
  });

  it("\"Didn't get a code?\" sends a new code (to the phone number too), and only the newest one works", async () => {
    const { service, clock } = await twoFactorService();
    const challenge = await codeInApp(service);
    const first = codeOnDevice(service, challenge.codeSent.deviceId!);
    // Not again at once: the same wait between codes as everywhere.
    const tooSoon = await identityError(() => service.sendAppCode({ clientKind: 'messages', verificationId: challenge.verificationId, deviceId: deviceOf(challenge.devices, 'phone') }));
    expect(tooSoon.code).toBe('CODE_RATE_LIMITED');
    clock.advance(CODE_RESEND_INTERVAL_MS);
    const phone = deviceOf(challenge.devices, 'phone');
    expect(service.sendAppCode({ clientKind: 'messages', verificationId: challenge.verificationId, deviceId: phone })).toMatchObject({ deviceId: phone, codeLength: 6 });
    const second = codeOnDevice(service, phone);
    if (first !== second) {
      expect((await identityError(() => service.completeAppCodeSignIn({ clientKind: 'messages', verificationId: challenge.verificationId, code: first }))).code).toBe('CODE_INCORRECT');
    }
    expect(service.completeAppCodeSignIn({ clientKind: 'messages', verificationId: challenge.verificationId, code: second }).clientKind).toBe('messages');
  });

  it("a code asked for by Messages never signs in FaceTime, and one used once does not work again", async () => {
    const { service } = await twoFactorService();
    const challenge = await codeInApp(service, 'messages');
    const code = codeOnDevice(service, challenge.codeSent.deviceId!);
    expect((await identityError(() => service.completeAppCodeSignIn({ clientKind: 'facetime', verificationId: challenge.verificationId, code }))).code).toBe('VERIFICATION_NOT_FOUND');
    service.completeAppCodeSignIn({ clientKind: 'messages', verificationId: challenge.verificationId, code });
    expect((await identityError(() => service.completeAppCodeSignIn({ clientKind: 'messages', verificationId: challenge.verificationId, code }))).code).toBe('VERIFICATION_NOT_FOUND');
    expect(service.clientSession({ clientKind: 'facetime' })).toBeNull();
  });

  it('a wrong password sends no code and counts once', async () => {
    const { service } = await twoFactorService();
    const before = service.deviceNotifications().length;
    expect((await identityError(() => service.signInClient({ clientKind: 'messages', appleId, password: 'not-the-password' }, OS_10_11))).code).toBe('INCORRECT');
    expect(service.deviceNotifications()).toHaveLength(before);
    expect(failures(service)).toBe(1);
  });
});

describe('Messages and FaceTime on OS X 10.10, under two-factor authentication: the password with the code after it', () => {
  async function passwordAlone(service: IdentityService, clientKind: ClientKind = 'messages') {
    const result = await service.signInClient({ clientKind, appleId, password }, OS_10_10);
    expect(result).toEqual({ status: 'PASSWORD_WITH_CODE_REQUIRED', codeLength: 6 });
    return codeOnDevice(service);
  }

  it('the password alone is refused and a code sent; the password with that code typed straight after it signs in', async () => {
    const { service } = await twoFactorService();
    const code = await passwordAlone(service);
    expect(code).toMatch(/^\d{6}$/);
    expect(service.clientSession({ clientKind: 'messages' })).toBeNull();
    const result = await service.signInClient({ clientKind: 'messages', appleId, password: password + code }, OS_10_10);
    expect(result).toMatchObject({ status: 'SIGNED_IN', session: { clientKind: 'messages', appPasswordLabel: null } });
    expect(failures(service)).toBe(0);
    expect(activityLog(service).some((e) => e.source === 'messages' && e.event === 'code-accepted')).toBe(true);
  });

  it('the password alone again a moment later sends no second code: the first still stands', async () => {
    const { service } = await twoFactorService();
    const code = await passwordAlone(service);
    const sent = service.deviceNotifications().length;
    expect(await passwordAlone(service)).toBe(code);
    expect(service.deviceNotifications()).toHaveLength(sent);
    expect((await service.signInClient({ clientKind: 'messages', appleId, password: password + code }, OS_10_10)).status).toBe('SIGNED_IN');
  });

  it('the right password with a wrong code is refused as incorrect and counts once', async () => {
    const { service } = await twoFactorService();
    const code = await passwordAlone(service);
    const wrong = await identityError(() => service.signInClient({ clientKind: 'messages', appleId, password: password + otherCode(code) }, OS_10_10));
    expect(wrong.code).toBe('INCORRECT');
    expect(failures(service)).toBe(1);
    // The code is still good for its remaining tries.
    expect((await service.signInClient({ clientKind: 'messages', appleId, password: password + code }, OS_10_10)).status).toBe('SIGNED_IN');
  });

  it('a wrong password with the right code is refused as incorrect, counts once, and does not use the code up', async () => {
    const { service } = await twoFactorService();
    const code = await passwordAlone(service);
    const wrong = await identityError(() => service.signInClient({ clientKind: 'messages', appleId, password: `Wrong-Password-1${code}` }, OS_10_10));
    expect(wrong.code).toBe('INCORRECT');
    expect(failures(service)).toBe(1);
    expect((await service.signInClient({ clientKind: 'messages', appleId, password: password + code }, OS_10_10)).status).toBe('SIGNED_IN');
  });

  it('the same right entry sent twice at once signs in once; the other is judged after it, as the wrong entry it then is, and counts once', async () => {
    const { service } = await twoFactorService();
    const code = await passwordAlone(service);
    const both = await Promise.allSettled([0, 1].map(() => service.signInClient({ clientKind: 'messages', appleId, password: password + code }, OS_10_10)));
    expect(both.filter((r) => r.status === 'fulfilled' && r.value.status === 'SIGNED_IN')).toHaveLength(1);
    const refused = both.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect(refused[0]!.reason).toMatchObject({ code: 'INCORRECT' });
    expect(failures(service)).toBe(1);
  });

  it('six wrong entries at once are judged one by one: the fifth locks, the sixth is refused unjudged, and the code never signs in meanwhile', async () => {
    const { service } = await twoFactorService();
    const code = await passwordAlone(service);
    const entries = [password + otherCode(code), 'Wrong-1' + code, password + otherCode(otherCode(code)), 'Wrong-2' + code, password + '000001', 'Wrong-3' + code];
    const results = await Promise.allSettled(entries.map((entry) => service.signInClient({ clientKind: 'messages', appleId, password: entry }, OS_10_10)));
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(failures(service)).toBe(5);
    expect((await identityError(() => service.signInClient({ clientKind: 'messages', appleId, password: password + code }, OS_10_10))).code).toBe('LOCKED');
  });

  it('the code of Messages is not the code of FaceTime', async () => {
    const { service } = await twoFactorService();
    const code = await passwordAlone(service, 'messages');
    // FaceTime has no code out: the whole entry is judged as its password, and is wrong.
    expect((await identityError(() => service.signInClient({ clientKind: 'facetime', appleId, password: password + code }, OS_10_10))).code).toBe('INCORRECT');
    expect(service.clientSession({ clientKind: 'facetime' })).toBeNull();
  });

  it('an app-specific password made under two-step verification is no way in once two-factor is on', async () => {
    const { service } = await openService();
    const token = await signInSite(service);
    const made = service.createAppPassword(token, { label: 'iMessage and FaceTime' });
    await service.setSecurityLevel(token, { level: 'two-factor', currentPassword: password });
    expect((await identityError(() => service.signInClient({ clientKind: 'messages', appleId, password: made.password }, OS_10_10))).code).toBe('INCORRECT');
  });
});

describe('under two-step verification, and for the third-party app', () => {
  it('Messages still asks for an app-specific password under two-step verification, on either Mac', async () => {
    const { service } = await openService();
    for (const mac of [OS_10_11, OS_10_10]) {
      expect(await service.signInClient({ clientKind: 'messages', appleId, password }, mac)).toMatchObject({ status: 'APP_SPECIFIC_PASSWORD_REQUIRED', createShortcut: true });
    }
  });

  it('the third-party app still needs an app-specific password under two-factor authentication, and one signs it in', async () => {
    const { service } = await twoFactorService();
    expect(await service.signInClient({ clientKind: 'third-party', appleId, password }, OS_10_11)).toMatchObject({ status: 'APP_SPECIFIC_PASSWORD_REQUIRED', createShortcut: false });
    const token = await signInSite(service);
    const made = service.createAppPassword(token, { label: 'Tern Mail' });
    expect((await service.signInClient({ clientKind: 'third-party', appleId, password: made.password }, OS_10_10)).status).toBe('SIGNED_IN');
  });
});
