import { describe, expect, it } from 'vitest';
import type { IdentityService } from '../../main/identity/identity-service.js';
import { addPhone, codeSentTo, DEMO_ACCOUNT, deviceOf, identityError, openService, openSignedIn, signInApp, signInSite } from './helpers/identity.js';

/**
 * Security changes on My Apple ID, at the edges the everyday tests do not reach: which number
 * counts as a trusted phone, what happens to app-specific passwords when two-factor is left,
 * when a recovery key exists, and whose number a pending verification can add.
 */
const { appleId, password } = DEMO_ACCOUNT;
const currentPassword = password;

/** The recovery key stands in for a code at sign-in: whether `key` does now. */
async function recoveryKeySignsIn(service: IdentityService, key: string): Promise<boolean> {
  const challenge = await service.signInAccountSite({ appleId, password });
  if (challenge.status !== 'VERIFICATION_REQUIRED') throw new Error('expected a challenge');
  try {
    service.completeAccountSiteSignInWithRecoveryKey({ verificationId: challenge.verificationId, recoveryKey: key });
    return true;
  } catch {
    return false;
  }
}

describe('turning two-step or two-factor on', () => {
  it('needs a trusted phone number: a trusted iPhone alone is not one', async () => {
    const { service, token } = await openSignedIn();
    await service.setSecurityLevel(token, { level: 'none', currentPassword });
    const phone = deviceOf(service.accountSiteAccount(token).devices, 'phone');
    await service.removeTrustedDevice(token, { deviceId: phone, currentPassword });
    expect(service.accountSiteAccount(token).devices.map((d) => d.kind)).toEqual(['iphone']);

    for (const level of ['two-step', 'two-factor'] as const) {
      expect((await identityError(() => service.setSecurityLevel(token, { level, currentPassword }))).code).toBe('TRUSTED_PHONE_REQUIRED');
    }
    expect(service.accountSiteAccount(token).securityLevel).toBe('none');
    await addPhone(service, token, '+1 (202) 555-0188');
    expect((await service.setSecurityLevel(token, { level: 'two-factor', currentPassword })).account.securityLevel).toBe('two-factor');
  });
});

describe('app-specific passwords when the level changes from two-factor', () => {
  async function twoFactorWithAppPassword() {
    const { service, token } = await openSignedIn();
    await service.setSecurityLevel(token, { level: 'two-factor', currentPassword });
    // Under two-factor, as under two-step, apps that cannot show a code use app-specific passwords.
    const { password: appPassword } = service.createAppPassword(token, { label: 'Mail' });
    await signInApp(service, 'third-party', appPassword);
    return { service, token, appPassword };
  }

  it('turning protection off revokes them: none is left active on the way to none', async () => {
    const { service, token, appPassword } = await twoFactorWithAppPassword();
    const changed = await service.setSecurityLevel(token, { level: 'none', currentPassword });
    expect(changed.revokedAppPasswords).toBe(1);
    expect(changed.account.activeAppPasswords).toBe(0);
    expect(service.clientSessions()).toEqual([]);
    // Under level none an app takes the account password, and the old app-specific one is refused.
    expect((await identityError(() => service.signInClient({ clientKind: 'third-party', appleId, password: appPassword }))).code).toBe('INCORRECT');
  });

  it('moving to two-step keeps them: both levels use them the same way', async () => {
    const { service, token, appPassword } = await twoFactorWithAppPassword();
    const changed = await service.setSecurityLevel(token, { level: 'two-step', currentPassword });
    expect(changed.revokedAppPasswords).toBe(0);
    expect(changed.account.activeAppPasswords).toBe(1);
    expect(service.clientSessions().map((s) => s.clientKind)).toEqual(['third-party']);
    expect((await signInApp(service, 'messages', appPassword)).appPasswordLabel).toBe('Mail');
  });
});

describe('the recovery key', () => {
  it('exists exactly while two-step is on: it stops working when two-step is left, and a new one comes when it is turned on again', async () => {
    const { service, token } = await openSignedIn();
    expect(service.accountSiteAccount(token).hasRecoveryKey).toBe(true);
    expect(await recoveryKeySignsIn(service, DEMO_ACCOUNT.recoveryKey)).toBe(true);

    await service.setSecurityLevel(token, { level: 'two-factor', currentPassword });
    expect(service.accountSiteAccount(token).hasRecoveryKey).toBe(false);
    const challenge = await service.signInAccountSite({ appleId, password });
    expect(challenge).toMatchObject({ status: 'VERIFICATION_REQUIRED', recoveryKeyAccepted: false });
    expect(await recoveryKeySignsIn(service, DEMO_ACCOUNT.recoveryKey)).toBe(false);
    // Nor does it unlock: an account without a key has nothing to guess, and nothing is counted.
    expect((await identityError(() => service.beginUnlock({ appleId, recoveryKey: DEMO_ACCOUNT.recoveryKey }))).code).toBe('RECOVERY_KEY_INCORRECT');
    expect((await identityError(() => service.replaceRecoveryKey(token, { currentPassword }))).code).toBe('RECOVERY_KEY_UNAVAILABLE');

    await service.setSecurityLevel(token, { level: 'none', currentPassword });
    expect(service.accountSiteAccount(token).hasRecoveryKey).toBe(false);
    expect((await identityError(() => service.beginUnlock({ appleId, recoveryKey: DEMO_ACCOUNT.recoveryKey }))).code).toBe('RECOVERY_KEY_INCORRECT');

    const again = await service.setSecurityLevel(token, { level: 'two-step', currentPassword });
    expect(again.account.hasRecoveryKey).toBe(true);
    expect(await recoveryKeySignsIn(service, DEMO_ACCOUNT.recoveryKey)).toBe(false);
    expect(await recoveryKeySignsIn(service, again.recoveryKey!)).toBe(true);
  });

  it('Replace Lost Key: the new key signs in and unlocks, the old one no longer does', async () => {
    const { service, token } = await openSignedIn();
    const { recoveryKey } = await service.replaceRecoveryKey(token, { currentPassword });
    expect(recoveryKey).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{2}$/);
    expect(recoveryKey.replaceAll('-', '')).not.toBe(DEMO_ACCOUNT.recoveryKey.replaceAll('-', ''));
    expect(service.accountSiteAccount(token).securityLevel).toBe('two-step');

    expect(await recoveryKeySignsIn(service, DEMO_ACCOUNT.recoveryKey)).toBe(false);
    expect(await recoveryKeySignsIn(service, recoveryKey)).toBe(true);
    expect((await identityError(() => service.beginUnlock({ appleId, recoveryKey: DEMO_ACCOUNT.recoveryKey }))).code).toBe('RECOVERY_KEY_INCORRECT');
    expect(service.beginUnlock({ appleId, recoveryKey }).verificationId).toEqual(expect.any(String));
  });

  it('Replace Lost Key asks for the current password, and a wrong one changes nothing', async () => {
    const { service, token } = await openSignedIn();
    expect((await identityError(() => service.replaceRecoveryKey(token, { currentPassword: 'not-the-password' }))).code).toBe('CURRENT_PASSWORD_INCORRECT');
    expect(await recoveryKeySignsIn(service, DEMO_ACCOUNT.recoveryKey)).toBe(true);
  });
});

describe('trusted phone numbers', () => {
  it('a number already trusted, written another way, is refused as already trusted', async () => {
    const { service, token } = await openSignedIn();
    for (const phoneNumber of ['+1 202-555-0123', '+1.202.555.0123', '12025550123']) {
      expect((await identityError(() => service.addTrustedPhone(token, { phoneNumber, currentPassword }))).code).toBe('PHONE_ALREADY_TRUSTED');
    }
    // No code went out to a number being added (those have no device yet).
    expect(service.deviceNotifications().filter((n) => n.deviceId === null)).toEqual([]);
    // A different number that shares the digits' start is a new one.
    await addPhone(service, token, '+1 202-555-0124');
    expect(service.accountSiteAccount(token).devices.filter((d) => d.kind === 'phone')).toHaveLength(2);
  });

  it('is shown at sign-in by its last two digits, however the digits were spaced', async () => {
    const { service, token } = await openSignedIn();
    await addPhone(service, token, '+81 90 1234 567 8');
    const challenge = await service.signInAccountSite({ appleId, password });
    if (challenge.status !== 'VERIFICATION_REQUIRED') throw new Error('expected a challenge');
    expect(challenge.devices.map((d) => d.maskedName)).toEqual([DEMO_ACCOUNT.iphone, '•••-••23', '•••-••78']);
  });

  it("a number waiting for its code can be confirmed or sent again only from its own account's session", async () => {
    const { service } = await openService();
    const owner = await signInSite(service);
    await service.createAccount({ appleId: 'other@example.com', password: 'other-password', fullName: 'Other User' });
    const other = await signInSite(service, { appleId: 'other@example.com', password: 'other-password' });

    const pending = await service.addTrustedPhone(owner, { phoneNumber: '+1 (202) 555-0177', currentPassword });
    const code = codeSentTo(service, pending.phoneNumber);
    const input = { verificationId: pending.verificationId, code };
    expect((await identityError(() => service.confirmTrustedPhone(other, input))).code).toBe('VERIFICATION_NOT_FOUND');
    expect((await identityError(() => service.resendTrustedPhoneCode(other, { verificationId: pending.verificationId }))).code).toBe('VERIFICATION_NOT_FOUND');
    expect(service.accountSiteAccount(other).devices).toEqual([]);

    // The owner's own session still confirms it with the code the number received.
    expect(service.confirmTrustedPhone(owner, input).devices.map((d) => d.name)).toContain('+1 (202) 555-0177');
  });
});
