import { afterAll, describe, expect, it } from 'vitest';
import { MINUTE } from '../../../main/identity/clock.js';
import { appPassword } from '../../../main/identity/crypto/secrets.js';
import type { IdentityError } from '../../../main/identity/identity-error.js';
import { codeOnDevice, DEMO_ACCOUNT, deviceOf, identityError, openService, signInSite } from '../helpers/identity.js';

/**
 * Scripted attacks on the demo account, each run until the service stops judging guesses.
 * The clock is moved past every lock, as a patient attacker would wait it out; the figures are
 * printed at the end of the file.
 */
const figures: string[] = [];
afterAll(() => {
  console.log(`\nBrute-force runs:\n${figures.map((f) => `  ${f}`).join('\n')}`);
});

interface AttackRun {
  judged: number;
  locks: number[];
  hardLockedAfter: number | null;
  waitedMinutes: number;
}

/** Guesses until HARD_LOCKED (or `max`), waiting out every timed lock. */
async function attack(clockAdvance: (ms: number) => void, guess: () => Promise<unknown>, max = 1_000): Promise<AttackRun> {
  const run: AttackRun = { judged: 0, locks: [], hardLockedAfter: null, waitedMinutes: 0 };
  for (let attempt = 0; attempt < max; attempt++) {
    const error: IdentityError = await identityError(guess);
    if (error.code === 'HARD_LOCKED') {
      run.hardLockedAfter ??= run.judged + (run.locks.length > 0 || run.judged > 0 ? 1 : 0);
      break;
    }
    if (error.code === 'LOCKED') {
      const minutes = Number(error.params?.minutes);
      // A refusal during a lock judges nothing: count only the guess that caused the lock.
      if (run.locks.length === 0 || run.waitedMinutes >= 0) run.locks.push(minutes);
      run.judged += 1;
      clockAdvance(minutes * MINUTE);
      run.waitedMinutes += minutes;
      continue;
    }
    run.judged += 1;
  }
  return run;
}

function describeLocks(locks: number[]): string {
  const shown = locks.length > 8 ? [...locks.slice(0, 6), '…', ...locks.slice(-2)] : locks;
  return shown.join(', ');
}

describe('brute force', () => {
  it('password guessing meets a growing lock, then the hard lock at the 100th consecutive failure', async () => {
    const { service, clock } = await openService();
    let n = 0;
    const run = await attack(
      (ms) => clock.advance(ms),
      () => service.signInAccountSite({ appleId: DEMO_ACCOUNT.appleId, password: `guess-${n++}-password` }),
    );
    expect(run.hardLockedAfter).toBe(100);
    expect(run.locks.slice(0, 4)).toEqual([1, 2, 4, 8]);
    expect(Math.max(...run.locks)).toBe(24 * 60);
    // The right password no longer works, even a week later.
    clock.advance(7 * 24 * 60 * MINUTE);
    expect((await identityError(() => service.signInAccountSite({ appleId: DEMO_ACCOUNT.appleId, password: DEMO_ACCOUNT.password }))).code).toBe('HARD_LOCKED');
    figures.push(
      `password guessing: ${run.hardLockedAfter} guesses judged, then a hard lock (recovery key + trusted device); ` +
        `${run.locks.length} timed locks of ${describeLocks(run.locks)} minutes; ${Math.round(run.waitedMinutes / 60 / 24)} days of waiting to get there`,
    );
  });

  it('app-specific password guessing at an app is locked out the same way', async () => {
    const { service, clock } = await openService();
    const run = await attack(
      (ms) => clock.advance(ms),
      () => service.signInClient({ clientKind: 'messages', appleId: DEMO_ACCOUNT.appleId, password: appPassword() }),
    );
    expect(run.hardLockedAfter).toBe(100);
    figures.push(
      `app-specific password guessing (16 random letters each, a space of 26^16 ≈ 4.4e22): ${run.hardLockedAfter} guesses judged, then a hard lock`,
    );
  });

  it('the hard lock is lifted only by the recovery key and a code from a trusted device', async () => {
    const { service, clock } = await openService();
    await attack((ms) => clock.advance(ms), () => service.signInClient({ clientKind: 'facetime', appleId: DEMO_ACCOUNT.appleId, password: 'not-the-password' }));
    expect((await identityError(() => service.beginUnlock({ appleId: DEMO_ACCOUNT.appleId, recoveryKey: 'AAAA-BBBB-CCCC-DD' }))).code).toBe('RECOVERY_KEY_INCORRECT');
    const challenge = service.beginUnlock({ appleId: DEMO_ACCOUNT.appleId, recoveryKey: DEMO_ACCOUNT.recoveryKey });
    service.sendUnlockCode({ verificationId: challenge.verificationId, deviceId: deviceOf(challenge.devices, 'phone') });
    await service.completeUnlock({ verificationId: challenge.verificationId, code: codeOnDevice(service), newPassword: 'Unlocked-Again-2015' });
    expect(await signInSite(service, { password: 'Unlocked-Again-2015' })).toBeTruthy();
  });
});
