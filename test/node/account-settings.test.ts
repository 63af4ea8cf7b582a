import { describe, expect, it } from 'vitest';
import type { IdentityService } from '../../main/identity/identity-service.js';
import {
  addPhone,
  codeOnDevice,
  DEMO_ACCOUNT,
  deviceOf,
  endedSessions,
  identityError,
  openService,
  openSignedIn,
  recordEvents,
  signInApp,
  signInSite,
} from './helpers/identity.js';

const { appleId, password } = DEMO_ACCOUNT;

/** Messages and the third-party app on app-specific passwords, iCloud on the password and a code. */
async function signInEverywhere(service: IdentityService, token: string) {
  const imessage = service.createAppPassword(token, { label: 'iMessage and FaceTime' });
  const mail = service.createAppPassword(token, { label: 'Mail' });
  await signInApp(service, 'messages', imessage.password);
  await signInApp(service, 'facetime', imessage.password);
  await signInApp(service, 'third-party', mail.password);
  const icloud = await service.signInClient({ clientKind: 'icloud', appleId, password });
  if (icloud.status !== 'VERIFICATION_REQUIRED') throw new Error('expected a challenge');
  service.sendICloudCode({ verificationId: icloud.verificationId, deviceId: deviceOf(icloud.devices, 'iphone') });
  service.completeICloudSignIn({ verificationId: icloud.verificationId, code: codeOnDevice(service) });
  expect(service.clientSessions()).toHaveLength(4);
  return { imessage, mail };
}

describe('changing the password', () => {
  it('revokes every app-specific password and signs every app out', async () => {
    const { service, token } = await openSignedIn();
    const { imessage, mail } = await signInEverywhere(service, token);
    const events = recordEvents(service);

    const result = await service.changePassword(token, { currentPassword: password, newPassword: 'Brand-New-2015' });
    expect(result).toEqual({ revokedAppPasswords: 2, signedOutApps: 4 });

    const ended = endedSessions(events);
    expect(ended.map((e) => e.clientKind).sort()).toEqual(['facetime', 'icloud', 'messages', 'third-party']);
    expect(new Set(ended.map((e) => e.reason))).toEqual(new Set(['password-changed']));
    expect(service.clientSessions()).toEqual([]);
    expect(service.listAppPasswords(token)).toEqual([]);

    for (const old of [imessage.password, mail.password]) {
      expect((await identityError(() => service.signInClient({ clientKind: 'messages', appleId, password: old }))).code).toBe('INCORRECT');
    }
    expect((await identityError(() => service.signInAccountSite({ appleId, password }))).code).toBe('INCORRECT');
    expect((await service.signInClient({ clientKind: 'messages', appleId, password: 'Brand-New-2015' })).status).toBe(
      'APP_SPECIFIC_PASSWORD_REQUIRED',
    );
  });

  it('keeps this browser signed in and signs out the other ones', async () => {
    const { service, token } = await openSignedIn();
    const other = await signInSite(service, { device: 'phone' });
    await service.changePassword(token, { currentPassword: password, newPassword: 'Brand-New-2015' });
    expect(service.accountSiteAccount(token).appleId).toBe(appleId);
    expect((await identityError(() => service.accountSiteAccount(other))).code).toBe('NOT_SIGNED_IN');
  });

  it('refuses a wrong current password and changes nothing', async () => {
    const { service, token } = await openSignedIn();
    const { password: appPassword } = service.createAppPassword(token, { label: 'Mail' });
    const error = await identityError(() => service.changePassword(token, { currentPassword: 'guess-guess', newPassword: 'Brand-New-2015' }));
    expect(error.code).toBe('CURRENT_PASSWORD_INCORRECT');
    expect(service.listAppPasswords(token)).toHaveLength(1);
    expect((await signInApp(service, 'third-party', appPassword)).appPasswordLabel).toBe('Mail');
    expect((await service.signInAccountSite({ appleId, password })).status).toBe('VERIFICATION_REQUIRED');
  });

  it('refuses the same password, and a new one shorter than 8 characters', async () => {
    const { service, token } = await openSignedIn();
    expect((await identityError(() => service.changePassword(token, { currentPassword: password, newPassword: password }))).code).toBe(
      'PASSWORD_UNCHANGED',
    );
    const short = await identityError(() => service.changePassword(token, { currentPassword: password, newPassword: 'short7!' }));
    expect(short.code).toBe('PASSWORD_TOO_SHORT');
    expect(short.fields).toEqual([{ path: 'newPassword', messageKey: 'errors.PASSWORD_TOO_SHORT' }]);
    expect((await service.signInAccountSite({ appleId, password })).status).toBe('VERIFICATION_REQUIRED');
  });
});

describe('security level', () => {
  async function plainAccount() {
    const { service, clock } = await openService({ seedDemo: false });
    await service.createAccount({ appleId: 'plain@example.com', password: 'plain-password', fullName: 'Plain User' });
    const token = await signInSite(service, { appleId: 'plain@example.com', password: 'plain-password' });
    return { service, clock, token };
  }

  it('turning two-step on needs a trusted phone number', async () => {
    const { service, token } = await plainAccount();
    expect(service.accountSiteAccount(token)).toMatchObject({ securityLevel: 'none', devices: [], hasRecoveryKey: false });
    for (const level of ['two-step', 'two-factor'] as const) {
      expect((await identityError(() => service.setSecurityLevel(token, { level, currentPassword: 'plain-password' }))).code).toBe('TRUSTED_PHONE_REQUIRED');
    }
    expect(service.accountSiteAccount(token).securityLevel).toBe('none');
  });

  it('turning two-step on gives a 14-character recovery key once, which then works at sign-in', async () => {
    const { service, token } = await plainAccount();
    const withPhone = await addPhone(service, token, ' +81 90-1234-5678 ', 'plain-password');
    expect(withPhone.devices).toEqual([expect.objectContaining({ kind: 'phone', name: '+81 90-1234-5678' })]);

    const changed = await service.setSecurityLevel(token, { level: 'two-step', currentPassword: 'plain-password' });
    expect(changed.recoveryKey).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{2}$/);
    expect(changed.recoveryKey!.replaceAll('-', '')).toHaveLength(14);
    expect(changed.account).toMatchObject({ securityLevel: 'two-step', hasRecoveryKey: true });
    expect(changed.revokedAppPasswords).toBe(0);
    // Never shown again.
    expect(JSON.stringify(service.accountSiteAccount(token))).not.toContain(changed.recoveryKey!);

    // Now a code (or the key) is needed, and the normal password no longer signs Messages in.
    const challenge = await service.signInAccountSite({ appleId: 'plain@example.com', password: 'plain-password' });
    if (challenge.status !== 'VERIFICATION_REQUIRED') throw new Error('expected a challenge');
    const signedIn = service.completeAccountSiteSignInWithRecoveryKey({ verificationId: challenge.verificationId, recoveryKey: changed.recoveryKey! });
    expect(service.accountSiteAccount(signedIn.token).appleId).toBe('plain@example.com');
    const messages = await service.signInClient({ clientKind: 'messages', appleId: 'plain@example.com', password: 'plain-password' });
    expect(messages.status).toBe('APP_SPECIFIC_PASSWORD_REQUIRED');
  });

  it('each time two-step is turned on the recovery key is new', async () => {
    const { service, token } = await plainAccount();
    const currentPassword = 'plain-password';
    await addPhone(service, token, '+81 90 1234 5678', currentPassword);
    const first = (await service.setSecurityLevel(token, { level: 'two-step', currentPassword })).recoveryKey;
    await service.setSecurityLevel(token, { level: 'none', currentPassword });
    const second = (await service.setSecurityLevel(token, { level: 'two-step', currentPassword })).recoveryKey;
    expect(second).not.toBe(first);
  });

  it('turning two-step off revokes every app-specific password and signs those apps out', async () => {
    const { service, token } = await openSignedIn();
    await signInEverywhere(service, token);
    const events = recordEvents(service);

    const changed = await service.setSecurityLevel(token, { level: 'none', currentPassword: password });
    expect(changed).toMatchObject({ recoveryKey: null, revokedAppPasswords: 2, account: { securityLevel: 'none', hasRecoveryKey: false, activeAppPasswords: 0 } });
    const ended = endedSessions(events);
    expect(ended.map((e) => e.clientKind).sort()).toEqual(['facetime', 'messages', 'third-party']);
    expect(new Set(ended.map((e) => e.reason))).toEqual(new Set(['security-changed']));
    // iCloud signed in with the password and a code, not an app-specific password: it stays.
    expect(service.clientSessions().map((s) => s.clientKind)).toEqual(['icloud']);
    expect(service.listAppPasswords(token)).toEqual([]);
    expect((await identityError(() => service.createAppPassword(token, { label: 'Mail' }))).code).toBe('APP_PASSWORDS_UNAVAILABLE');
  });

  it('moving between two-step and two-factor keeps the app-specific passwords working; the recovery key exists only under two-step', async () => {
    const { service, token } = await openSignedIn();
    const { password: appPassword } = service.createAppPassword(token, { label: 'Mail' });
    const toTwoFactor = await service.setSecurityLevel(token, { level: 'two-factor', currentPassword: password });
    expect(toTwoFactor).toMatchObject({ recoveryKey: null, revokedAppPasswords: 0, account: { securityLevel: 'two-factor', hasRecoveryKey: false, activeAppPasswords: 1 } });
    expect((await service.signInClient({ clientKind: 'third-party', appleId, password: appPassword })).status).toBe('SIGNED_IN');
    // The old recovery key no longer unlocks anything.
    expect((await identityError(() => service.beginUnlock({ appleId, recoveryKey: DEMO_ACCOUNT.recoveryKey }))).code).toMatch(/^RECOVERY_KEY_/);

    const back = await service.setSecurityLevel(token, { level: 'two-step', currentPassword: password });
    expect(back).toMatchObject({ revokedAppPasswords: 0, account: { securityLevel: 'two-step', hasRecoveryKey: true, activeAppPasswords: 1 } });
    expect(back.recoveryKey).toMatch(/^[A-Z0-9]{4}-[A-Z0-9-]+$/);
    expect(back.recoveryKey).not.toBe(DEMO_ACCOUNT.recoveryKey);
    expect((await service.signInClient({ clientKind: 'messages', appleId, password: appPassword })).status).toBe('SIGNED_IN');
  });

  it('setting the level it already has is SECURITY_LEVEL_UNCHANGED', async () => {
    const { service, token } = await openSignedIn();
    expect((await identityError(() => service.setSecurityLevel(token, { level: 'two-step', currentPassword: password }))).code).toBe('SECURITY_LEVEL_UNCHANGED');
    expect((await identityError(() => service.setSecurityLevel(token, { level: 'three-step' as 'none', currentPassword: password }))).code).toBe('INVALID_INPUT');
  });
});

describe('trusted devices', () => {
  it('the last trusted phone number cannot be removed while two-step is on', async () => {
    const { service, token } = await openSignedIn();
    const devices = service.accountSiteAccount(token).devices;
    const phone = deviceOf(devices, 'phone');
    expect((await identityError(() => service.removeTrustedDevice(token, { deviceId: phone, currentPassword: password }))).code).toBe('LAST_TRUSTED_PHONE');
    expect(service.accountSiteAccount(token).devices).toHaveLength(2);

    // The iPhone can go; and with a second number, the first can go too.
    const iphone = deviceOf(devices, 'iphone');
    expect((await service.removeTrustedDevice(token, { deviceId: iphone, currentPassword: password })).devices.map((d) => d.kind)).toEqual(['phone']);
    await addPhone(service, token, '+1 (202) 555-0199');
    const left = (await service.removeTrustedDevice(token, { deviceId: phone, currentPassword: password })).devices;
    expect(left.map((d) => d.name)).toEqual(['+1 (202) 555-0199']);
  });

  it('with security level none the last phone may go', async () => {
    const { service, token } = await openSignedIn();
    await service.setSecurityLevel(token, { level: 'none', currentPassword: password });
    const phone = deviceOf(service.accountSiteAccount(token).devices, 'phone');
    expect((await service.removeTrustedDevice(token, { deviceId: phone, currentPassword: password })).devices.map((d) => d.kind)).toEqual(['iphone']);
  });

  it('a removed device no longer receives codes', async () => {
    const { service, token } = await openSignedIn();
    const iphone = deviceOf(service.accountSiteAccount(token).devices, 'iphone');
    await service.removeTrustedDevice(token, { deviceId: iphone, currentPassword: password });
    const challenge = await service.signInAccountSite({ appleId, password });
    if (challenge.status !== 'VERIFICATION_REQUIRED') throw new Error('expected a challenge');
    expect(challenge.devices.map((d) => d.kind)).toEqual(['phone']);
    expect((await identityError(() => service.sendAccountSiteCode({ verificationId: challenge.verificationId, deviceId: iphone }))).code).toBe(
      'TRUSTED_DEVICE_NOT_FOUND',
    );
  });

  it('refuses an unknown device and a malformed phone number', async () => {
    const { service, token } = await openSignedIn();
    expect((await identityError(() => service.removeTrustedDevice(token, { deviceId: 4242, currentPassword: password }))).code).toBe('TRUSTED_DEVICE_NOT_FOUND');
    for (const phoneNumber of ['', 'call me', '12', '+1 202 555 0123 ext. 5']) {
      const error = await identityError(() => service.addTrustedPhone(token, { phoneNumber, currentPassword: password }));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.fields).toEqual([{ path: 'phoneNumber', messageKey: 'fields.phone.invalid' }]);
    }
    expect(service.accountSiteAccount(token).devices).toHaveLength(2);
  });
});

describe('creating an account', () => {
  it('refuses an Apple ID that exists, in any case', async () => {
    const { service } = await openService();
    const error = await identityError(() => service.createAccount({ appleId: ' DEMO@twostep.example', password: 'another-password', fullName: 'Copy' }));
    expect(error.code).toBe('ACCOUNT_EXISTS');
  });

  it('refuses a password shorter than 8 characters', async () => {
    const { service } = await openService();
    const error = await identityError(() => service.createAccount({ appleId: 'new@example.com', password: 'seven77', fullName: 'New' }));
    expect(error.code).toBe('PASSWORD_TOO_SHORT');
    expect((await identityError(() => service.signInAccountSite({ appleId: 'new@example.com', password: 'seven77' }))).code).toBe('INCORRECT');
  });
});
