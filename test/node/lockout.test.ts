import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE, type ManualClock } from '../../main/identity/clock.js';
import type { IdentityError } from '../../main/identity/identity-error.js';
import type { IdentityService } from '../../main/identity/identity-service.js';
import { admitsGuess, afterFailure, LOCKOUT_POLICY } from '../../main/identity/policy/lockout.js';
import { activityLog, codeOnDevice, DEMO_ACCOUNT, deviceOf, identityError, openService, signInSite } from './helpers/identity.js';

const { appleId, password } = DEMO_ACCOUNT;
const NOW = Date.UTC(2015, 1, 1, 9);

describe('the lockout policy', () => {
  it('lets the first four failures pass without a lock', () => {
    for (let previous = 0; previous < 4; previous++) {
      expect(afterFailure(previous, NOW)).toEqual({ failures: previous + 1, lockedUntil: null, hardLocked: false, disabled: false });
    }
  });

  it('locks from the fifth failure for 1, 2, 4, 8 … minutes', () => {
    expect(afterFailure(4, NOW)).toEqual({ failures: 5, lockedUntil: NOW + MINUTE, hardLocked: false, disabled: false });
    expect(afterFailure(5, NOW).lockedUntil).toBe(NOW + 2 * MINUTE);
    expect(afterFailure(6, NOW).lockedUntil).toBe(NOW + 4 * MINUTE);
    expect(afterFailure(7, NOW).lockedUntil).toBe(NOW + 8 * MINUTE);
    expect(afterFailure(14, NOW).lockedUntil).toBe(NOW + 1024 * MINUTE);
  });

  it('never locks for more than a day short of the hard lock', () => {
    expect(afterFailure(15, NOW).lockedUntil).toBe(NOW + DAY);
    expect(afterFailure(50, NOW).lockedUntil).toBe(NOW + DAY);
    expect(afterFailure(98, NOW)).toEqual({ failures: 99, lockedUntil: NOW + DAY, hardLocked: false, disabled: false });
  });

  it('hard-locks at the hundredth consecutive failure', () => {
    expect(LOCKOUT_POLICY.hardLockAt).toBe(100);
    expect(afterFailure(99, NOW)).toEqual({ failures: 100, lockedUntil: null, hardLocked: true, disabled: false });
    expect(afterFailure(150, NOW).hardLocked).toBe(true);
  });

  it('disables the account at the 110th: the unlock path gets ten chances past the hard lock', () => {
    expect(LOCKOUT_POLICY.disableAt).toBe(110);
    expect(afterFailure(108, NOW)).toEqual({ failures: 109, lockedUntil: null, hardLocked: true, disabled: false });
    expect(afterFailure(109, NOW)).toEqual({ failures: 110, lockedUntil: null, hardLocked: true, disabled: true });
  });

  it('admits a guess while others are pending only if their failing could not lock the account first', () => {
    expect(admitsGuess(0, 0)).toBe(true);
    expect(admitsGuess(7, 0)).toBe(true);
    // Four free failures: with none counted yet, up to four may be pending and a fifth still judged.
    expect(admitsGuess(0, 4)).toBe(true);
    expect(admitsGuess(0, 5)).toBe(false);
    expect(admitsGuess(3, 1)).toBe(true);
    expect(admitsGuess(3, 2)).toBe(false);
    // Past the free failures, guesses are judged one at a time.
    expect(admitsGuess(4, 1)).toBe(false);
    expect(admitsGuess(60, 1)).toBe(false);
  });

  it('every lock is at least as long as the one before', () => {
    let previous = 0;
    for (let failures = 4; failures < 99; failures++) {
      const duration = afterFailure(failures, NOW).lockedUntil! - NOW;
      expect(duration).toBeGreaterThanOrEqual(previous);
      previous = duration;
    }
  });
});

function wrongSignIn(service: IdentityService): Promise<IdentityError> {
  return identityError(() => service.signInClient({ clientKind: 'messages', appleId, password: 'not-the-password' }));
}

/** One more counted failure: waits out any lock first, as a patient attacker would. */
async function countedFailure(service: IdentityService, clock: ManualClock): Promise<IdentityError> {
  const row = service.database.prepare('SELECT locked_until FROM accounts WHERE apple_id = ?').get(appleId) as { locked_until: number | null };
  if (row.locked_until !== null && row.locked_until > clock.now()) clock.set(row.locked_until);
  return wrongSignIn(service);
}

describe('failed sign-ins through the service', () => {
  it('failures 1-4 are INCORRECT, the 5th locks for a minute, and during the lock even the right password is refused', async () => {
    const { service, clock } = await openService();
    for (let i = 0; i < 4; i++) expect((await wrongSignIn(service)).code).toBe('INCORRECT');

    const locked = await wrongSignIn(service);
    expect(locked.code).toBe('LOCKED');
    expect(locked.params).toEqual({ minutes: 1, until: clock.now() + MINUTE });

    clock.advance(30_000);
    const right = await identityError(() => service.signInClient({ clientKind: 'messages', appleId, password }));
    expect(right.code).toBe('LOCKED');
    expect(right.params?.minutes).toBe(1);
    // The lock holds everywhere, the account site too.
    expect((await identityError(() => service.signInAccountSite({ appleId, password }))).code).toBe('LOCKED');

    clock.advance(30_000);
    // Exactly at the lock's end it is over; the right password is judged again. It still needs
    // an app-specific password, so the sign-in is not complete and the count does not restart…
    expect((await service.signInClient({ clientKind: 'messages', appleId, password })).status).toBe('APP_SPECIFIC_PASSWORD_REQUIRED');
    expect((await wrongSignIn(service)).params?.minutes).toBe(2);
    clock.advance(2 * MINUTE);
    // …a completed sign-in (here with the code on My Apple ID) does.
    await signInSite(service);
    for (let i = 0; i < 4; i++) expect((await wrongSignIn(service)).code).toBe('INCORRECT');
    expect((await wrongSignIn(service)).params?.minutes).toBe(1);

    const log = activityLog(service);
    expect(log.filter((e) => e.event === 'account-locked')).toHaveLength(3);
    expect(log.filter((e) => e.event === 'sign-in-refused' && e.detail.reason === 'locked').length).toBeGreaterThanOrEqual(2);
  });

  it('each further failure locks for twice as long', async () => {
    const { service, clock } = await openService();
    const lockMinutes: number[] = [];
    for (let i = 0; i < 10; i++) {
      const error = await countedFailure(service, clock);
      if (error.code === 'LOCKED') lockMinutes.push(((error.params?.until as number) - clock.now()) / MINUTE);
      else expect(error.code).toBe('INCORRECT');
    }
    expect(lockMinutes).toEqual([1, 2, 4, 8, 16, 32]);
  });

  it('failures while locked are not judged, so they do not lengthen the lock', async () => {
    const { service, clock } = await openService();
    for (let i = 0; i < 5; i++) await wrongSignIn(service);
    const until = clock.now() + MINUTE;
    for (let i = 0; i < 20; i++) {
      const error = await wrongSignIn(service);
      expect(error.code).toBe('LOCKED');
      expect(error.params?.until).toBe(until);
    }
    clock.set(until);
    expect((await wrongSignIn(service)).params).toEqual({ minutes: 2, until: until + 2 * MINUTE });
  });

  it('an unknown Apple ID never reports a lock (there is nothing to lock)', async () => {
    const { service } = await openService();
    for (let i = 0; i < 8; i++) {
      const error = await identityError(() => service.signInClient({ clientKind: 'messages', appleId: 'nobody@example.com', password }));
      expect(error.code).toBe('INCORRECT');
    }
  });

  it('hard-locks at 100 consecutive failures; only the recovery key and a trusted device lift it', async () => {
    const { service, clock } = await openService();
    const codes: string[] = [];
    for (let i = 0; i < 100; i++) codes.push((await countedFailure(service, clock)).code);
    expect(codes.slice(0, 4)).toEqual(['INCORRECT', 'INCORRECT', 'INCORRECT', 'INCORRECT']);
    expect(new Set(codes.slice(4, 99))).toEqual(new Set(['LOCKED']));
    expect(codes[99]).toBe('HARD_LOCKED');
    expect(activityLog(service).filter((e) => e.event === 'account-hard-locked')).toHaveLength(1);

    // A day later, with the right password, anywhere: still hard-locked.
    clock.advance(DAY + HOUR);
    for (const clientKind of ['messages', 'icloud', 'third-party'] as const) {
      expect((await identityError(() => service.signInClient({ clientKind, appleId, password }))).code).toBe('HARD_LOCKED');
    }
    expect((await identityError(() => service.signInAccountSite({ appleId, password }))).code).toBe('HARD_LOCKED');
    clock.advance(30 * DAY);
    expect((await identityError(() => service.signInAccountSite({ appleId, password }))).code).toBe('HARD_LOCKED');

    // A wrong recovery key is refused and lifts nothing.
    expect((await identityError(() => service.beginUnlock({ appleId, recoveryKey: 'ABCD-EFGH-JKLM-NP' }))).code).toBe('RECOVERY_KEY_INCORRECT');
    expect((await identityError(() => service.beginUnlock({ appleId, recoveryKey: 'nonsense' }))).code).toBe('RECOVERY_KEY_INCORRECT');
    expect((await identityError(() => service.signInAccountSite({ appleId, password }))).code).toBe('HARD_LOCKED');

    // The recovery key (typed loosely), a code from the trusted phone, and a new password.
    const challenge = service.beginUnlock({ appleId: ' Demo@TwoStep.example ', recoveryKey: 'twos tepd emok ey' });
    const deviceId = deviceOf(challenge.devices, 'phone');
    service.sendUnlockCode({ verificationId: challenge.verificationId, deviceId });
    const result = await service.completeUnlock({
      verificationId: challenge.verificationId,
      code: codeOnDevice(service, deviceId),
      newPassword: 'New-Password-2015',
    });
    expect(result).toEqual({ revokedAppPasswords: 0, signedOutApps: 0 });
    expect(activityLog(service).some((e) => e.event === 'account-unlocked')).toBe(true);

    expect((await identityError(() => service.signInAccountSite({ appleId, password }))).code).toBe('INCORRECT');
    const token = await signInSite(service, { password: 'New-Password-2015' });
    expect(service.accountSiteAccount(token).appleId).toBe(appleId);
  });

  it('unlocking needs the code from the trusted device, not just the recovery key', async () => {
    const { service } = await openService();
    const challenge = service.beginUnlock({ appleId, recoveryKey: DEMO_ACCOUNT.recoveryKey });
    const deviceId = deviceOf(challenge.devices, 'iphone');
    service.sendUnlockCode({ verificationId: challenge.verificationId, deviceId });
    const code = codeOnDevice(service, deviceId);
    const error = await identityError(() =>
      service.completeUnlock({ verificationId: challenge.verificationId, code: code === '1234' ? '4321' : '1234', newPassword: 'New-Password-2015' }),
    );
    expect(error.code).toBe('CODE_INCORRECT');
    // The password is unchanged.
    expect((await service.signInAccountSite({ appleId, password })).status).toBe('VERIFICATION_REQUIRED');
  });

  it('a lock also stops recovery keys being tried at the account site', async () => {
    const { service, clock } = await openService();
    const challenge = await service.signInAccountSite({ appleId, password });
    if (challenge.status !== 'VERIFICATION_REQUIRED') throw new Error('expected a challenge');
    const { verificationId } = challenge;
    const wrongKey = () => identityError(() => service.completeAccountSiteSignInWithRecoveryKey({ verificationId, recoveryKey: 'ABCD-EFGH-JKLM-NP' }));
    for (let i = 0; i < 4; i++) expect((await wrongKey()).code).toBe('RECOVERY_KEY_INCORRECT');
    expect((await wrongKey()).code).toBe('LOCKED');

    // While locked, even the right key is not judged.
    const right = await identityError(() =>
      service.completeAccountSiteSignInWithRecoveryKey({ verificationId, recoveryKey: DEMO_ACCOUNT.recoveryKey }),
    );
    expect(right.code).toBe('LOCKED');

    clock.advance(MINUTE);
    expect(service.completeAccountSiteSignInWithRecoveryKey({ verificationId, recoveryKey: DEMO_ACCOUNT.recoveryKey }).token).toBeTruthy();
  });
});
