import { afterAll, describe, expect, it, vi } from 'vitest';
import { HOUR } from '../../../main/identity/clock.js';
import { PasswordHasher } from '../../../main/identity/crypto/password-hasher.js';
import type { IdentityError } from '../../../main/identity/identity-error.js';
import type { IdentityService } from '../../../main/identity/identity-service.js';
import { LOCKOUT_POLICY } from '../../../main/identity/policy/lockout.js';
import { RECOVERY_WAIT_MS } from '../../../main/identity/service/account-recovery.js';
import { CODES_PER_ACCOUNT_PER_HOUR } from '../../../main/identity/service/verification.js';
import { activityLog, codeOnDevice, DEMO_ACCOUNT, deviceOf, identityError, openService, signInSite } from '../helpers/identity.js';
import { openMail } from '../mail/mail-harness.js';
import { imapLoginAnswer } from '../mail/wire.js';
import { failuresOf } from '../helpers/password-checks.js';

/**
 * Today's two-factor authentication from the attacker's side (issue 19: "new sign-in paths are
 * in the attack suite"). It adds ways in — the code typed in Messages, the password with the
 * code after it on OS X 10.10, 6-digit codes at the places, account recovery's code — and each
 * must draw on the account's one failure budget with the older ways, hold when many guesses come
 * at once, and not let someone who holds the password flood the owner's iPhone with requests.
 */
const { appleId, password } = DEMO_ACCOUNT;
const OS_10_11 = { macOs: '10.11' } as const;
const OS_10_10 = { macOs: '10.10' } as const;
const PHONE = '+1 (202) 555-0123';
const figures: string[] = [];
afterAll(() => {
  if (figures.length > 0) console.log(`\nTwo-factor authentication under attack (issue 19):\n${figures.map((f) => `  ${f}`).join('\n')}`);
});

const failures = (service: IdentityService) => failuresOf(service, appleId);

/** A 6-digit code that is not `code`. */
const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

async function toTwoFactor(service: IdentityService): Promise<void> {
  await service.setSecurityLevel(await signInSite(service), { level: 'two-factor', currentPassword: password });
}

const imapLogin = (port: number, secret: string) => imapLoginAnswer(port, appleId, secret);

describe('one failure budget under two-factor authentication', () => {
  it("a wrong recovery code, a wrong code in Messages, the password with a wrong code on 10.10, a wrong IMAP LOGIN and a wrong code at iCloud.com add up to one count; the lock then holds on every way in", async () => {
    const h = await openMail();
    const { service, clock } = h;
    await toTwoFactor(service);

    // Account recovery first: its code can only be asked for after the waiting period.
    const { recoveryId } = service.requestAccountRecovery({ appleId, phoneNumber: PHONE });
    clock.advance(RECOVERY_WAIT_MS);
    service.sendRecoveryCode({ recoveryId });
    const recoveryCode = service.deviceNotifications().find((n) => n.deviceName === PHONE)!.code;
    expect((await identityError(() => service.completeAccountRecovery({ recoveryId, code: otherCode(recoveryCode), newPassword: 'Taken-Over-2016' }))).code).toBe('CODE_INCORRECT');

    const inApp = await service.signInClient({ clientKind: 'messages', appleId, password }, OS_10_11);
    if (inApp.status !== 'CODE_REQUIRED') throw new Error(`expected the code in the app, got ${inApp.status}`);
    const messagesCode = codeOnDevice(service, inApp.codeSent.deviceId!);
    expect((await identityError(() => service.completeAppCodeSignIn({ clientKind: 'messages', verificationId: inApp.verificationId, code: otherCode(messagesCode) }))).code).toBe('CODE_INCORRECT');

    expect(await service.signInClient({ clientKind: 'facetime', appleId, password }, OS_10_10)).toEqual({ status: 'PASSWORD_WITH_CODE_REQUIRED', codeLength: 6 });
    const facetimeCode = codeOnDevice(service);
    expect((await identityError(() => service.signInClient({ clientKind: 'facetime', appleId, password: password + otherCode(facetimeCode) }, OS_10_10))).code).toBe('INCORRECT');

    expect(await imapLogin(h.mail.imapPort, 'abcd-efgh-ijkl-mnop')).toMatch(/^a NO /);
    expect(failures(service)).toBe(LOCKOUT_POLICY.freeFailures);

    // The fifth: a wrong 6-digit code at iCloud.com, after the iPhone's Allow.
    const web = await service.places.icloudSignIn({ appleId, password, keepSignedIn: false });
    if (web.status !== 'VERIFICATION_REQUIRED') throw new Error(`expected a code, got ${web.status}`);
    service.places.icloudSendCode({ verificationId: web.verificationId, deviceId: deviceOf(web.devices, 'iphone') });
    const icloudCode = codeOnDevice(service);
    expect((await identityError(() => service.places.icloudVerifyCode({ verificationId: web.verificationId, code: otherCode(icloudCode), keepSignedIn: false }))).code).toBe('LOCKED');
    const counted = failures(service);
    expect(counted).toBe(LOCKOUT_POLICY.freeFailures + 1);

    // Locked: every right answer is refused now, and none is counted.
    expect((await identityError(() => service.signInClient({ clientKind: 'facetime', appleId, password: password + facetimeCode }, OS_10_10))).code).toBe('LOCKED');
    expect((await identityError(() => service.completeAppCodeSignIn({ clientKind: 'messages', verificationId: inApp.verificationId, code: messagesCode }))).code).toBe('LOCKED');
    expect((await identityError(() => service.places.icloudVerifyCode({ verificationId: web.verificationId, code: icloudCode, keepSignedIn: false }))).code).toBe('LOCKED');
    expect((await identityError(() => service.completeAccountRecovery({ recoveryId, code: recoveryCode, newPassword: 'Taken-Over-2016' }))).code).toBe('LOCKED');
    expect(await imapLogin(h.mail.imapPort, h.appPassword)).toBe('a NO [ALERT] This Apple ID has been locked for security reasons.');
    expect(failures(service)).toBe(counted);
    expect(service.clientSession({ clientKind: 'messages' })).toBeNull();
    expect(service.clientSession({ clientKind: 'facetime' })).toBeNull();

    const sources = new Set(activityLog(service).filter((e) => e.outcome === 'failure').map((e) => e.source));
    for (const source of ['account-site', 'messages', 'facetime', 'imap', 'icloud-web']) expect(sources, source).toContain(source);
  });
});

describe('many at once under two-factor authentication', () => {
  it('30 wrong entries at once over Messages on 10.10 (password + code), Messages on 10.11 and iCloud.com, then the right password with its code: judged as if one by one, the right one refused', async () => {
    const { service } = await openService();
    await toTwoFactor(service);
    expect(await service.signInClient({ clientKind: 'messages', appleId, password }, OS_10_10)).toEqual({ status: 'PASSWORD_WITH_CODE_REQUIRED', codeLength: 6 });
    const code = codeOnDevice(service);
    const spy = vi.spyOn(PasswordHasher.prototype, 'verify');
    try {
      const attempts = Array.from({ length: 30 }, (_, i) => {
        const wrong = `Wrong-At-Once-${i}`;
        if (i % 3 === 0) return service.signInClient({ clientKind: 'messages', appleId, password: wrong + code }, OS_10_10);
        if (i % 3 === 1) return service.signInClient({ clientKind: 'messages', appleId, password: wrong }, OS_10_11);
        return service.places.icloudSignIn({ appleId, password: wrong, keepSignedIn: true });
      });
      const answers = await Promise.allSettled([...attempts, service.signInClient({ clientKind: 'messages', appleId, password: password + code }, OS_10_10)]);
      const right = answers.at(-1)!;
      expect(right.status).toBe('rejected');
      expect(['LOCKED', 'TRY_AGAIN']).toContain(((right as PromiseRejectedResult).reason as IdentityError).code);
      expect(service.clientSession({ clientKind: 'messages' })).toBeNull();
      // Each wrong entry asks the hasher once (10.10's once for the password with the code cut off, and once whole, at most).
      const judgedEntries = failures(service);
      expect(judgedEntries).toBeLessThanOrEqual(LOCKOUT_POLICY.freeFailures + 1);
      expect(answers.filter((a) => a.status === 'fulfilled')).toHaveLength(0);
      figures.push(`30 wrong + 1 right at once over Messages 10.10 and 10.11 and iCloud.com: ${judgedEntries} counted (${spy.mock.calls.length} hashes), the right one refused`);
    } finally {
      spy.mockRestore();
    }
  });
});

describe("the owner's iPhone under a flood of sign-in requests", () => {
  it(`someone holding the password, signing in again and again at every place, brings at most ${CODES_PER_ACCOUNT_PER_HOUR} requests an hour to the iPhone; the rest are told when to try again`, async () => {
    const { service, clock } = await openService();
    await toTwoFactor(service);
    // Every request the iPhone was asked to show, as the activity log keeps them (the screen shows only the live ones).
    const requestsOnIPhone = () => activityLog(service).filter((e) => e.event === 'sign-in-requested').length;
    const before = requestsOnIPhone();
    const refusals: string[] = [];
    const ask = async (place: 'icloud' | 'support' | 'app-store' | 'messages') => {
      try {
        if (place === 'messages') {
          const result = await service.signInClient({ clientKind: 'messages', appleId, password }, OS_10_11);
          if (result.status !== 'CODE_REQUIRED' || !result.codeSent) refusals.push(`messages: ${result.status}`);
          return;
        }
        const started =
          place === 'icloud'
            ? await service.places.icloudSignIn({ appleId, password, keepSignedIn: false })
            : place === 'support'
              ? await service.places.supportSignIn({ appleId, password })
              : await service.places.appStoreSignIn({ appleId, password });
        if (started.status !== 'VERIFICATION_REQUIRED') throw new Error(`expected a code, got ${started.status}`);
        const send = { verificationId: started.verificationId, deviceId: deviceOf(started.devices, 'iphone') };
        if (place === 'icloud') service.places.icloudSendCode(send);
        else if (place === 'support') service.places.supportSendCode(send);
        else service.places.appStoreSendCode(send);
      } catch (caught) {
        refusals.push((caught as IdentityError).code);
      }
    };
    const places = ['icloud', 'support', 'app-store', 'messages'] as const;
    for (let i = 0; i < 40; i++) await ask(places[i % places.length]!);
    const delivered = requestsOnIPhone() - before;
    expect(delivered).toBeLessThanOrEqual(CODES_PER_ACCOUNT_PER_HOUR);
    expect(refusals.length).toBeGreaterThanOrEqual(40 - CODES_PER_ACCOUNT_PER_HOUR);
    expect(new Set(refusals)).toEqual(new Set(['CODE_RATE_LIMITED']));
    // The flood cost the account no failure: the password was right each time.
    expect(failures(service)).toBe(0);
    // An hour later the owner is asked again, as before.
    clock.advance(HOUR);
    await ask('icloud');
    expect(requestsOnIPhone() - before).toBe(delivered + 1);
    figures.push(`40 sign-ins with the right password over four places: ${delivered} requests reached the iPhone, ${refusals.length} refused with CODE_RATE_LIMITED`);
  });
});
