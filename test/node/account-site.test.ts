import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../main/identity/clock.js';
import type { IdentityService } from '../../main/identity/identity-service.js';
import { activityLog, DEMO_ACCOUNT, identityError, openService, signInSite } from './helpers/identity.js';

const { appleId, password } = DEMO_ACCOUNT;

async function challenge(service: IdentityService) {
  const result = await service.signInAccountSite({ appleId, password });
  if (result.status !== 'VERIFICATION_REQUIRED') throw new Error('expected a challenge');
  return result;
}

describe('signing in to My Apple ID', () => {
  it('needs a code every time under two-step verification, and shows the account once in', async () => {
    const { service } = await openService();
    const token = await signInSite(service);
    const account = service.accountSiteAccount(token);
    expect(account).toMatchObject({ appleId, fullName: DEMO_ACCOUNT.fullName, securityLevel: 'two-step', hasRecoveryKey: true, activeAppPasswords: 0 });
    // Signed in, the owner sees their own phone number in full.
    expect(account.devices.map((d) => [d.kind, d.name, d.maskedName])).toEqual([
      ['iphone', DEMO_ACCOUNT.iphone, DEMO_ACCOUNT.iphone],
      ['phone', DEMO_ACCOUNT.phoneNumber, DEMO_ACCOUNT.phoneNumber],
    ]);

    // A second sign-in asks for a code again.
    expect((await service.signInAccountSite({ appleId, password })).status).toBe('VERIFICATION_REQUIRED');
  });

  it('refuses an unknown session token', async () => {
    const { service } = await openService();
    expect((await identityError(() => service.accountSiteAccount('forged'))).code).toBe('NOT_SIGNED_IN');
  });

  it('signs out: the token stops working', async () => {
    const { service } = await openService();
    const token = await signInSite(service);
    service.signOutAccountSite(token);
    expect((await identityError(() => service.accountSiteAccount(token))).code).toBe('NOT_SIGNED_IN');
    expect((await identityError(() => service.listAppPasswords(token))).code).toBe('NOT_SIGNED_IN');
    expect(activityLog(service).at(-1)).toMatchObject({ appleId, event: 'portal-signed-out' });
    // Signing out twice is harmless.
    service.signOutAccountSite(token);
  });

  it('ends a session idle for 15 minutes with SESSION_EXPIRED', async () => {
    const { service, clock } = await openService();
    const token = await signInSite(service);
    clock.advance(15 * MINUTE);
    expect((await identityError(() => service.accountSiteAccount(token))).code).toBe('SESSION_EXPIRED');
    // Once expired it is over for good.
    expect((await identityError(() => service.accountSiteAccount(token))).code).toBe('NOT_SIGNED_IN');
  });

  it('keeps a session in use alive past 15 minutes', async () => {
    const { service, clock } = await openService();
    const token = await signInSite(service);
    for (let i = 0; i < 4; i++) {
      clock.advance(15 * MINUTE - 1);
      expect(service.accountSiteAccount(token).appleId).toBe(appleId);
    }
  });

  it('sessions are separate: signing out one browser leaves another signed in', async () => {
    const { service } = await openService();
    const first = await signInSite(service);
    const second = await signInSite(service, { device: 'phone' });
    expect(first).not.toBe(second);
    service.signOutAccountSite(first);
    expect(service.accountSiteAccount(second).appleId).toBe(appleId);
  });
});

describe('"Lost access to your devices?" — the recovery key at sign-in', () => {
  it('stands in for the code under two-step verification, typed in any case and spacing', async () => {
    const { service } = await openService();
    const { verificationId, recoveryKeyAccepted } = await challenge(service);
    expect(recoveryKeyAccepted).toBe(true);
    const { token } = service.completeAccountSiteSignInWithRecoveryKey({ verificationId, recoveryKey: 'twostepdemokey' });
    expect(service.accountSiteAccount(token).appleId).toBe(appleId);
    expect(activityLog(service).some((e) => e.event === 'recovery-key-accepted')).toBe(true);
    const log = JSON.stringify(activityLog(service)).toUpperCase();
    expect(log).not.toContain('TWOSTEPDEMOKEY');
    expect(log).not.toContain(DEMO_ACCOUNT.recoveryKey);
  });

  it('works only once per sign-in', async () => {
    const { service } = await openService();
    const { verificationId } = await challenge(service);
    service.completeAccountSiteSignInWithRecoveryKey({ verificationId, recoveryKey: DEMO_ACCOUNT.recoveryKey });
    expect((await identityError(() => service.completeAccountSiteSignInWithRecoveryKey({ verificationId, recoveryKey: DEMO_ACCOUNT.recoveryKey }))).code).toBe(
      'VERIFICATION_NOT_FOUND',
    );
  });

  it('refuses a wrong key with RECOVERY_KEY_INCORRECT and gives no session', async () => {
    const { service } = await openService();
    const { verificationId } = await challenge(service);
    for (const recoveryKey of ['ABCD-EFGH-JKLM-NP', 'short', 'TWOS-TEPD-EMOK-EZ']) {
      const error = await identityError(() => service.completeAccountSiteSignInWithRecoveryKey({ verificationId, recoveryKey }));
      expect(error.code).toBe('RECOVERY_KEY_INCORRECT');
      expect(JSON.stringify(error.toPayload())).not.toContain(recoveryKey);
    }
  });

  it('is not offered under two-factor authentication', async () => {
    const { service } = await openService();
    await service.setSecurityLevel(await signInSite(service), { level: 'two-factor', currentPassword: DEMO_ACCOUNT.password });
    const { verificationId, recoveryKeyAccepted } = await challenge(service);
    expect(recoveryKeyAccepted).toBe(false);
    expect((await identityError(() => service.completeAccountSiteSignInWithRecoveryKey({ verificationId, recoveryKey: DEMO_ACCOUNT.recoveryKey }))).code).toBe(
      'RECOVERY_KEY_UNAVAILABLE',
    );
  });
});
