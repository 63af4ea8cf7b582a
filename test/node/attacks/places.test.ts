import { afterAll, describe, expect, it, vi } from 'vitest';
import { DAY, MINUTE } from '../../../main/identity/clock.js';
import { PasswordHasher } from '../../../main/identity/crypto/password-hasher.js';
import type { IdentityError } from '../../../main/identity/identity-error.js';
import type { IdentityService } from '../../../main/identity/identity-service.js';
import { LOCKOUT_POLICY } from '../../../main/identity/policy/lockout.js';
import { activityLog, codeOnDevice, DEMO_ACCOUNT, deviceOf, identityError, openService, signInSite } from '../helpers/identity.js';
import { openMail } from '../mail/mail-harness.js';
import { imapLoginAnswer } from '../mail/wire.js';
import { signInAppStore, signInICloudWeb, signInSupport } from '../places/places-helpers.js';
import { failuresOf } from '../helpers/password-checks.js';

/**
 * The sign-ins of issue 19's places — iCloud.com, the App Store on this Mac, Apple ID support —
 * from the attacker's side: they are new ways to guess at the account, so each must draw on its
 * one failure budget with My Apple ID, the Mac apps and the mail servers, hold when many guesses
 * come at once, and give up nothing when the password changes.
 */
const { appleId, password } = DEMO_ACCOUNT;
const figures: string[] = [];
afterAll(() => {
  if (figures.length > 0) console.log(`\nThe places under attack (issue 19):\n${figures.map((f) => `  ${f}`).join('\n')}`);
});

const failures = (service: IdentityService) => failuresOf(service, appleId);

/** A code sure to be wrong. */
const wrongCode = (real: string) => (real === '0000' ? '1111' : '0000');

type Challenge = { status: 'VERIFICATION_REQUIRED'; verificationId: string; devices: { id: number; kind: string }[] };
function challenged(result: { status: string }): Challenge {
  if (result.status !== 'VERIFICATION_REQUIRED') throw new Error(`expected a code to be asked for, got ${result.status}`);
  return result as Challenge;
}

/** Each place's wrong password, and its wrong code after the right password. */
function placeGuesses(service: IdentityService) {
  return {
    icloudPassword: () => service.places.icloudSignIn({ appleId, password: 'Wrong-At-iCloud.com', keepSignedIn: true }),
    appStorePassword: () => service.places.appStoreSignIn({ appleId, password: 'Wrong-At-The-App-Store' }),
    supportPassword: () => service.places.supportSignIn({ appleId, password: 'Wrong-At-Support' }),
    icloudCode: async () => {
      const c = challenged(await service.places.icloudSignIn({ appleId, password, keepSignedIn: true }));
      service.places.icloudSendCode({ verificationId: c.verificationId, deviceId: deviceOf(c.devices, 'iphone') });
      return service.places.icloudVerifyCode({ verificationId: c.verificationId, code: wrongCode(codeOnDevice(service)), keepSignedIn: true });
    },
    appStoreCode: async () => {
      const c = challenged(await service.places.appStoreSignIn({ appleId, password }));
      service.places.appStoreSendCode({ verificationId: c.verificationId, deviceId: deviceOf(c.devices, 'iphone') });
      return service.places.appStoreVerifyCode({ verificationId: c.verificationId, code: wrongCode(codeOnDevice(service)) });
    },
    supportCode: async () => {
      const c = challenged(await service.places.supportSignIn({ appleId, password }));
      service.places.supportSendCode({ verificationId: c.verificationId, deviceId: deviceOf(c.devices, 'iphone') });
      return service.places.supportVerifyCode({ verificationId: c.verificationId, code: wrongCode(codeOnDevice(service)) });
    },
  };
}

const imapLogin = (port: number, secret: string) => imapLoginAnswer(port, appleId, secret);

describe('one failure budget, across the new places and IMAP', () => {
  it('wrong passwords and codes at iCloud.com, the App Store and support and a wrong IMAP LOGIN add up to one count; the lock holds everywhere', async () => {
    const h = await openMail();
    const guess = placeGuesses(h.service);
    const order: [string, () => Promise<unknown>][] = [
      ['iCloud.com password', guess.icloudPassword],
      ['IMAP LOGIN', async () => expect(await imapLogin(h.mail.imapPort, 'abcd-efgh-ijkl-mnop')).toBe('a NO [AUTHENTICATIONFAILED] Authentication failed')],
      ['App Store code', guess.appStoreCode],
      ['support password', guess.supportPassword],
    ];
    for (const [name, attempt] of order) {
      if (name === 'IMAP LOGIN') await attempt();
      else expect((await identityError(attempt)).code, name).toMatch(/^(INCORRECT|CODE_INCORRECT)$/);
    }
    expect(failures(h.service)).toBe(LOCKOUT_POLICY.freeFailures);
    // The fifth, a code at iCloud.com, locks the account.
    expect((await identityError(guess.icloudCode)).code).toBe('LOCKED');
    expect(failures(h.service)).toBe(LOCKOUT_POLICY.freeFailures + 1);

    // Locked: the right password is refused at every place, the app-specific password over IMAP too, and nothing more is counted.
    expect((await identityError(() => h.service.places.icloudSignIn({ appleId, password, keepSignedIn: false }))).code).toBe('LOCKED');
    expect((await identityError(() => h.service.places.appStoreSignIn({ appleId, password }))).code).toBe('LOCKED');
    expect((await identityError(() => h.service.places.supportSignIn({ appleId, password }))).code).toBe('LOCKED');
    expect((await identityError(() => h.service.signInAccountSite({ appleId, password }))).code).toBe('LOCKED');
    expect(await imapLogin(h.mail.imapPort, h.appPassword)).toBe('a NO [ALERT] This Apple ID has been locked for security reasons.');
    expect(failures(h.service)).toBe(LOCKOUT_POLICY.freeFailures + 1);
    const sources = new Set(activityLog(h.service).filter((e) => e.outcome === 'failure').map((e) => e.source));
    for (const source of ['icloud-web', 'app-store', 'support', 'imap']) expect(sources, source).toContain(source);
  });

  it('the places never start the count again with a right password alone: codes guessed after it still lock', async () => {
    const { service } = await openService();
    const guess = placeGuesses(service);
    // Four wrong codes, each after a right password at another place: none of those passwords clears the count.
    for (const attempt of [guess.icloudCode, guess.supportCode, guess.appStoreCode, guess.icloudCode]) expect((await identityError(attempt)).code).toBe('CODE_INCORRECT');
    expect(failures(service)).toBe(4);
    expect((await identityError(guess.supportCode)).code).toBe('LOCKED');
  });

  it('a trusted Mac signs in to the App Store with the password alone — which then counts on the budget like any sign-in', async () => {
    const { service } = await openService();
    await signInAppStore(service);
    service.places.appStoreSignOut();
    const guess = placeGuesses(service);
    for (let i = 0; i < LOCKOUT_POLICY.freeFailures; i++) expect((await identityError(guess.appStorePassword)).code).toBe('INCORRECT');
    expect((await identityError(guess.appStorePassword)).code).toBe('LOCKED');
    // …and the right one on the trusted Mac is refused while locked.
    expect((await identityError(() => service.places.appStoreSignIn({ appleId, password }))).code).toBe('LOCKED');
  });
});

describe('many at once', () => {
  it('30 wrong passwords at once spread over iCloud.com, the App Store and support, then the right one: judged as if one by one, the right one refused', async () => {
    const { service } = await openService();
    const spy = vi.spyOn(PasswordHasher.prototype, 'verify');
    try {
      const attempts = Array.from({ length: 30 }, (_, i) => {
        const wrong = `Wrong-At-Once-${i}`;
        if (i % 3 === 0) return service.places.icloudSignIn({ appleId, password: wrong, keepSignedIn: true });
        if (i % 3 === 1) return service.places.appStoreSignIn({ appleId, password: wrong });
        return service.places.supportSignIn({ appleId, password: wrong });
      });
      const answers = await Promise.allSettled([...attempts, service.places.icloudSignIn({ appleId, password, keepSignedIn: true })]);
      const right = answers.at(-1)!;
      expect(right.status).toBe('rejected');
      expect(['LOCKED', 'TRY_AGAIN']).toContain(((right as PromiseRejectedResult).reason as IdentityError).code);
      const judged = spy.mock.calls.length;
      expect(judged).toBeLessThanOrEqual(LOCKOUT_POLICY.freeFailures + 1);
      expect(failures(service)).toBe(judged);
      figures.push(`30 wrong passwords + 1 right at once over iCloud.com, the App Store and support: ${judged} judged, ${31 - judged} refused unjudged, the right one refused`);
    } finally {
      spy.mockRestore();
    }
  });

  it('one code sent ten times at once opens one session only; the rest find the verification used', async () => {
    const { service } = await openService();
    const c = challenged(await service.places.icloudSignIn({ appleId, password, keepSignedIn: true }));
    service.places.icloudSendCode({ verificationId: c.verificationId, deviceId: deviceOf(c.devices, 'iphone') });
    const code = codeOnDevice(service);
    const answers = await Promise.allSettled(Array.from({ length: 10 }, () => Promise.resolve().then(() => service.places.icloudVerifyCode({ verificationId: c.verificationId, code, keepSignedIn: true }))));
    expect(answers.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    for (const a of answers.filter((x): x is PromiseRejectedResult => x.status === 'rejected')) expect((a.reason as IdentityError).code).toBe('VERIFICATION_NOT_FOUND');
    expect(service.places.view().webSessions).toHaveLength(1);
  });
});

describe('a new password', () => {
  it('changed at My Apple ID ends every iCloud.com session, kept ones too, and support\'s; the App Store signs in again (the Mac stays trusted)', async () => {
    const { service, clock } = await openService();
    const kept = await signInICloudWeb(service, true);
    const visit = await signInICloudWeb(service, false);
    const supportToken = await signInSupport(service);
    await signInAppStore(service);
    clock.advance(3 * DAY);
    const site = await signInSite(service);
    await service.changePassword(site, { currentPassword: password, newPassword: 'A-New-Password-2015' });

    for (const token of [kept, visit]) expect((await identityError(() => service.places.icloudHome(token))).code).toBe('NOT_SIGNED_IN');
    expect((await identityError(() => service.places.support(supportToken))).code).toBe('NOT_SIGNED_IN');
    expect(service.places.view().webSessions).toEqual([]);
    expect(service.places.appStore().signedIn).toBeNull();
    // The old password opens nothing; the new one asks for a code again at iCloud.com.
    expect((await identityError(() => service.places.icloudSignIn({ appleId, password, keepSignedIn: true }))).code).toBe('INCORRECT');
    expect(await service.places.icloudSignIn({ appleId, password: 'A-New-Password-2015', keepSignedIn: true })).toMatchObject({ status: 'VERIFICATION_REQUIRED' });
    expect((await signInAppStore(service, 'A-New-Password-2015')).asked).toBe(false);
  });

  it('"Keep me signed in" runs out by the test clock at 30 days to the minute, and a session ended so never opens again', async () => {
    const { service, clock } = await openService();
    const kept = await signInICloudWeb(service, true);
    clock.advance(30 * DAY - MINUTE);
    expect(service.places.icloudHome(kept).session.keepSignedIn).toBe(true);
    clock.advance(MINUTE);
    expect((await identityError(() => service.places.icloudHome(kept))).code).toBe('SESSION_EXPIRED');
    expect(service.places.view().webSessions).toEqual([]);
    clock.advance(-DAY);
    expect((await identityError(() => service.places.icloudHome(kept))).code).toBe('NOT_SIGNED_IN');
  });
});
