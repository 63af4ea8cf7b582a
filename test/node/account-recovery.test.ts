import { describe, expect, it } from 'vitest';
import type { IdentityService } from '../../main/identity/identity-service.js';
import { RECOVERY_WAIT_MS } from '../../main/identity/service/account-recovery.js';
import { activityLog, codeSentTo, DEMO_ACCOUNT, identityError, openService, signInApp, signInSite } from './helpers/identity.js';
import { failuresOf } from './helpers/password-checks.js';

/**
 * Account recovery under two-factor authentication (issue 19 part B): no recovery key; a request
 * with the Apple ID and a trusted phone number waits, shown with its dates; after the wait a code
 * to that number and a new password recover the account; a sign-in meanwhile cancels it.
 */
const { appleId, password } = DEMO_ACCOUNT;
const PHONE = '+1 (202) 555-0123';
const NEW_PASSWORD = 'Recovered-Password-2016';

async function twoFactorService() {
  const opened = await openService();
  await opened.service.setSecurityLevel(await signInSite(opened.service), { level: 'two-factor', currentPassword: password });
  return opened;
}

const failures = (service: IdentityService) => failuresOf(service, appleId);

const phoneCode = (service: IdentityService) => codeSentTo(service, '+1 (202) 555-0123');

describe('account recovery under two-factor authentication', () => {
  it('a request shows its waiting period with its dates; before the date no code is sent and nothing can be reset', async () => {
    const { service, clock } = await twoFactorService();
    const requested = service.requestAccountRecovery({ appleId, phoneNumber: PHONE });
    expect(requested).toMatchObject({ state: 'waiting', requestedAt: clock.now(), readyAt: clock.now() + RECOVERY_WAIT_MS, contactAt: clock.now() + RECOVERY_WAIT_MS, phone: '•••-••23' });
    clock.advance(RECOVERY_WAIT_MS - 1);
    const early = await identityError(() => service.sendRecoveryCode({ recoveryId: requested.recoveryId }));
    expect(early.code).toBe('RECOVERY_NOT_READY');
    expect(early.params).toEqual({ at: requested.readyAt });
    expect(service.accountRecovery({ recoveryId: requested.recoveryId }).state).toBe('waiting');
    expect((await identityError(() => service.completeAccountRecovery({ recoveryId: requested.recoveryId, code: '000000', newPassword: NEW_PASSWORD }))).code).toBe('RECOVERY_NOT_READY');
  });

  it('once the presenter clock passes the date, a code to the trusted number and a new password recover the account', async () => {
    const { service, clock } = await twoFactorService();
    const { recoveryId } = service.requestAccountRecovery({ appleId, phoneNumber: PHONE });
    clock.advance(RECOVERY_WAIT_MS);
    expect(service.accountRecovery({ recoveryId }).state).toBe('ready');
    expect(service.sendRecoveryCode({ recoveryId })).toMatchObject({ deviceName: '•••-••23', codeLength: 6 });
    const result = await service.completeAccountRecovery({ recoveryId, code: phoneCode(service), newPassword: NEW_PASSWORD });
    expect(result).toMatchObject({ revokedAppPasswords: 0 });
    expect(service.accountRecovery({ recoveryId }).state).toBe('completed');
    // The new password is the account's now; the old one is not.
    expect((await identityError(() => service.signInAccountSite({ appleId, password }))).code).toBe('INCORRECT');
    expect((await service.signInAccountSite({ appleId, password: NEW_PASSWORD })).status).toBe('VERIFICATION_REQUIRED');
    expect(activityLog(service).map((e) => e.event)).toEqual(expect.arrayContaining(['account-recovery-requested', 'account-recovered']));
  });

  it('a wrong code counts on the failure budget and recovers nothing; the request stands', async () => {
    const { service, clock } = await twoFactorService();
    const { recoveryId } = service.requestAccountRecovery({ appleId, phoneNumber: PHONE });
    clock.advance(RECOVERY_WAIT_MS);
    service.sendRecoveryCode({ recoveryId });
    const code = phoneCode(service);
    const wrong = code === '000000' ? '111111' : '000000';
    expect((await identityError(() => service.completeAccountRecovery({ recoveryId, code: wrong, newPassword: NEW_PASSWORD }))).code).toBe('CODE_INCORRECT');
    expect(failures(service)).toBe(1);
    expect(service.accountRecovery({ recoveryId }).state).toBe('ready');
    await service.completeAccountRecovery({ recoveryId, code, newPassword: NEW_PASSWORD });
  });

  it('a sign-in with the account while it waits cancels the request: no code after the date', async () => {
    const { service, clock } = await twoFactorService();
    const { recoveryId } = service.requestAccountRecovery({ appleId, phoneNumber: PHONE });
    clock.advance(RECOVERY_WAIT_MS / 2);
    // The owner still has a way in: a sign-in at My Apple ID with a trusted device.
    await signInSite(service);
    expect(service.accountRecovery({ recoveryId }).state).toBe('cancelled');
    // The log says why the wait ended, once, with where the account was used.
    const cancelled = () => activityLog(service).filter((e) => e.event === 'account-recovery-cancelled');
    expect(cancelled()).toEqual([expect.objectContaining({ appleId, source: 'account-site', outcome: 'info' })]);
    await signInSite(service);
    expect(cancelled()).toHaveLength(1);
    clock.advance(RECOVERY_WAIT_MS);
    expect((await identityError(() => service.sendRecoveryCode({ recoveryId }))).code).toBe('RECOVERY_CANCELLED');
  });

  it('a sign-in after the code went out still cancels it: the code then resets nothing', async () => {
    const { service, clock } = await twoFactorService();
    const { recoveryId } = service.requestAccountRecovery({ appleId, phoneNumber: PHONE });
    clock.advance(RECOVERY_WAIT_MS);
    service.sendRecoveryCode({ recoveryId });
    const code = phoneCode(service);
    // The owner signs in with the third-party app's app-specific password before the reset.
    const app = service.createAppPassword(await signInSite(service), { label: 'Tern Mail' });
    await signInApp(service, 'third-party', app.password);
    expect((await identityError(() => service.completeAccountRecovery({ recoveryId, code, newPassword: NEW_PASSWORD }))).code).toBe('RECOVERY_CANCELLED');
    expect((await service.signInAccountSite({ appleId, password })).status).toBe('VERIFICATION_REQUIRED');
    // The My Apple ID sign-in above came first and cancelled it; the app's sign-in found nothing to cancel.
    expect(activityLog(service).filter((e) => e.event === 'account-recovery-cancelled').map((e) => e.source)).toEqual(['account-site']);
  });

  it('is refused alike for an unknown Apple ID, a number that is not trusted, and an account under two-step verification', async () => {
    const { service } = await twoFactorService();
    for (const input of [
      { appleId: 'nobody@twostep.example', phoneNumber: PHONE },
      { appleId, phoneNumber: '+1 202 555 0199' },
    ]) {
      expect((await identityError(() => service.requestAccountRecovery(input))).code).toBe('RECOVERY_NOT_POSSIBLE');
    }
    const { service: twoStep } = await openService();
    expect((await identityError(() => twoStep.requestAccountRecovery({ appleId, phoneNumber: PHONE }))).code).toBe('RECOVERY_NOT_POSSIBLE');
  });

  it('asking again while one waits does not start the waiting period again', async () => {
    const { service, clock } = await twoFactorService();
    const first = service.requestAccountRecovery({ appleId, phoneNumber: PHONE });
    clock.advance(RECOVERY_WAIT_MS / 2);
    const again = service.requestAccountRecovery({ appleId, phoneNumber: '12025550123' });
    expect(again).toEqual({ ...first, state: 'waiting' });
  });
});
