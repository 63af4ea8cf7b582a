import { describe, expect, it } from 'vitest';
import { MINUTE, type ManualClock } from '../../main/identity/clock.js';
import type { IdentityService } from '../../main/identity/identity-service.js';
import { RESERVATION_LIFETIME_MS } from '../../main/identity/service/guess-budget.js';
import { activityLog, codeOnDevice, DEMO_ACCOUNT, deviceOf, identityError, openService, signInApp, signInSite } from './helpers/identity.js';
import { failNextPasswordCheck, failuresOf, holdNextPasswordCheck, stallNextPasswordCheck } from './helpers/password-checks.js';

/**
 * The account's one failure budget (SPEC §3), from the side an attacker pushes on: guesses sent
 * at once, a password check that fails or never ends, a lock that engages while a right password
 * is still being hashed, and the ways a real sign-in starts the count again.
 */
const { appleId, password } = DEMO_ACCOUNT;

const wrongPassword = (service: IdentityService, n = 0) => identityError(() => service.signInAccountSite({ appleId, password: `wrong-password-${n}` }));
const rightPassword = (service: IdentityService) => service.signInAccountSite({ appleId, password });
const wrongKey = (service: IdentityService, n: number) =>
  identityError(() => service.beginUnlock({ appleId, recoveryKey: `ABCD-EFGH-JKLM-${'NPQRSTUVWXYZ'[n % 12]}${'23456789'[n % 8]}` }));

/** Four failures: the most the account takes without a lock. */
async function fourFailures(service: IdentityService) {
  for (let i = 0; i < 4; i++) expect((await wrongPassword(service, i)).code).toBe('INCORRECT');
}

describe('guesses sent at once', () => {
  it('are judged only while their failing could not lock the account; the rest are refused as busy, and the log says so', async () => {
    const { service } = await openService();
    const answers = await Promise.allSettled(Array.from({ length: 7 }, (_, i) => service.signInAccountSite({ appleId, password: `at-once-${i}` })));
    const codes = answers.map((a) => (a.status === 'rejected' ? (a.reason as { code: string }).code : 'SIGNED_IN'));
    // Five could be judged one by one before the lock (the fifth locks); the sixth and seventh never are.
    expect(codes.filter((c) => c === 'TRY_AGAIN')).toHaveLength(2);
    expect(codes.filter((c) => c === 'INCORRECT')).toHaveLength(4);
    expect(codes.filter((c) => c === 'LOCKED')).toHaveLength(1);
    expect(failuresOf(service, appleId)).toBe(5);
    const busy = activityLog(service).filter((e) => e.event === 'sign-in-refused' && e.detail.reason === 'busy');
    expect(busy).toHaveLength(2);
    expect(busy[0]).toMatchObject({ source: 'account-site', outcome: 'failure' });
  });

  it('a right password whose check ran while a lock engaged is refused: the lock is read again when it is judged', async () => {
    const { service, clock } = await openService();
    const held = holdNextPasswordCheck();
    const right = rightPassword(service);
    // The right password is being hashed (in a process that stalled, say) past its reservation;
    // meanwhile five wrong guesses, in another window, lock the account.
    clock.advance(RESERVATION_LIFETIME_MS);
    for (let i = 0; i < 4; i++) expect((await wrongKey(service, i)).code).toBe('RECOVERY_KEY_INCORRECT');
    expect((await wrongKey(service, 4)).code).toBe('LOCKED');
    held.release();
    expect((await identityError(() => right)).code).toBe('LOCKED');
    // Refused, not counted: the account is at the same five failures.
    expect(failuresOf(service, appleId)).toBe(5);
  });
});

describe('a password check that never answers', () => {
  it('one that fails (scrypt throws) gives its place back at once and counts nothing', async () => {
    const { service } = await openService();
    await fourFailures(service);
    failNextPasswordCheck(new Error('scrypt: memory limit exceeded'));
    await expect(rightPassword(service)).rejects.toThrow('scrypt: memory limit exceeded');
    // At four failures, one guess still being judged would hold the next back: nothing is, so the
    // right password is judged now, and the account is still at four.
    expect((await rightPassword(service)).status).toBe('VERIFICATION_REQUIRED');
    expect(failuresOf(service, appleId)).toBe(4);
  });

  it('one that never ends (its process died) holds its place for two minutes, then the account takes guesses again', async () => {
    const { service, clock } = await openService();
    await fourFailures(service);
    stallNextPasswordCheck();
    void rightPassword(service);
    expect((await identityError(() => rightPassword(service))).code).toBe('TRY_AGAIN');
    clock.advance(RESERVATION_LIFETIME_MS - 1);
    expect((await identityError(() => rightPassword(service))).code).toBe('TRY_AGAIN');
    clock.advance(1);
    expect((await rightPassword(service)).status).toBe('VERIFICATION_REQUIRED');
  });
});

describe('a completed sign-in after one to four failures starts the count again', () => {
  /** Four failures, then `complete`, then four more must all be plain refusals; the fifth locks. */
  async function countStartsAgain(service: IdentityService, complete: () => Promise<unknown>) {
    await fourFailures(service);
    await complete();
    expect(failuresOf(service, appleId)).toBe(0);
    for (let i = 0; i < 4; i++) expect((await wrongPassword(service, 10 + i)).code).toBe('INCORRECT');
    expect((await wrongPassword(service, 20)).code).toBe('LOCKED');
  }

  it('with a code on My Apple ID', async () => {
    const { service } = await openService();
    await countStartsAgain(service, () => signInSite(service));
  });

  it('with the recovery key instead of a code', async () => {
    const { service } = await openService();
    await countStartsAgain(service, async () => {
      const challenge = await rightPassword(service);
      if (challenge.status !== 'VERIFICATION_REQUIRED') throw new Error('expected a challenge');
      service.completeAccountSiteSignInWithRecoveryKey({ verificationId: challenge.verificationId, recoveryKey: DEMO_ACCOUNT.recoveryKey });
    });
  });

  it('with a code on iCloud', async () => {
    const { service } = await openService();
    await countStartsAgain(service, async () => {
      const challenge = await service.signInClient({ clientKind: 'icloud', appleId, password });
      if (challenge.status !== 'VERIFICATION_REQUIRED') throw new Error('expected a challenge');
      service.sendICloudCode({ verificationId: challenge.verificationId, deviceId: deviceOf(challenge.devices, 'iphone') });
      service.completeICloudSignIn({ verificationId: challenge.verificationId, code: codeOnDevice(service) });
    });
  });

  it('with an app-specific password at an app', async () => {
    const { service } = await openService();
    const token = await signInSite(service);
    const { password: appPassword } = service.createAppPassword(token, { label: 'Mail' });
    await countStartsAgain(service, () => signInApp(service, 'third-party', appPassword));
  });

  it('with the password alone, on an account without two-step', async () => {
    const { service } = await openService();
    const token = await signInSite(service);
    await service.setSecurityLevel(token, { level: 'none', currentPassword: password });
    await countStartsAgain(service, () => rightPassword(service));
  });
});

describe('the end of the budget', () => {
  /** Wrong recovery keys until `failures`, each lock waited out: the quickest way there (no hash). */
  async function failUntil(service: IdentityService, clock: ManualClock, failures: number) {
    for (let n = failuresOf(service, appleId); n < failures; n = failuresOf(service, appleId)) {
      const error = await wrongKey(service, n);
      if (error.code === 'LOCKED') clock.advance(Number(error.params?.minutes) * MINUTE);
    }
  }

  it('logs each lock with its end, the hard lock at the 100th failure and the disabling at the 110th, each once', async () => {
    const { service, clock } = await openService();
    const start = clock.now();
    await failUntil(service, clock, 5);
    const firstLock = activityLog(service).find((e) => e.event === 'account-locked');
    // The control center shows until when the account is locked.
    expect(firstLock).toMatchObject({ source: 'account-site', outcome: 'failure', detail: { until: start + MINUTE } });
    await failUntil(service, clock, 110);
    expect((await wrongKey(service, 110)).code).toBe('ACCOUNT_DISABLED');
    expect(failuresOf(service, appleId)).toBe(110);
    const log = activityLog(service);
    expect(log.filter((e) => e.event === 'account-hard-locked').map((e) => e.detail)).toEqual([{ failures: 100 }]);
    expect(log.filter((e) => e.event === 'account-disabled').map((e) => e.detail)).toEqual([{ failures: 110 }]);
    expect(log.filter((e) => e.event === 'recovery-key-refused').at(-1)?.detail).toEqual({ reason: 'incorrect', failures: 110 });
  });

  it('a sign-in started before the hard lock is closed by it: no code is sent or accepted for it', async () => {
    const { service } = await openService();
    const challenge = await rightPassword(service);
    if (challenge.status !== 'VERIFICATION_REQUIRED') throw new Error('expected a challenge');
    const input = { verificationId: challenge.verificationId, deviceId: deviceOf(challenge.devices, 'iphone') };
    service.sendAccountSiteCode(input);
    const code = codeOnDevice(service);
    // 99 failures take days of waiting out locks; the store is set as they leave it (the last
    // lock over), and the 100th comes from a wrong recovery key while this sign-in waits.
    service.database.prepare('UPDATE accounts SET failed_attempts = 99, locked_until = NULL WHERE apple_id = ?').run(appleId);
    expect((await wrongKey(service, 0)).code).toBe('HARD_LOCKED');
    expect((await identityError(() => service.completeAccountSiteSignIn({ verificationId: input.verificationId, code }))).code).toBe('HARD_LOCKED');
    expect((await identityError(() => service.sendAccountSiteCode(input))).code).toBe('HARD_LOCKED');
  });
});
