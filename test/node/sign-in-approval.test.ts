import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../main/identity/clock.js';
import type { IdentityService } from '../../main/identity/identity-service.js';
import { VERIFICATION_LIFETIME_MS } from '../../main/identity/service/verification.js';
import { failuresOf } from './helpers/password-checks.js';
import {
  activityLog,
  allowOnIPhone,
  codeOnDevice,
  DEMO_ACCOUNT,
  deviceOf,
  identityError,
  openService,
  pendingRequest,
  recordEvents,
  signInSite,
} from './helpers/identity.js';
import { tempStorePath } from './helpers/temp-store.js';

/**
 * Allow / Don't Allow (two-factor authentication, support.apple.com 102660): a code asked for at
 * the trusted iPhone first asks the iPhone's owner; a phone number gets its code by SMS as before.
 */
const { appleId, password } = DEMO_ACCOUNT;

async function twoFactor(service: IdentityService): Promise<void> {
  await service.setSecurityLevel(await signInSite(service), { level: 'two-factor', currentPassword: password });
}

/** A new My Apple ID sign-in (in another browser) that asked for a code at the device. */
async function askCode(service: IdentityService, device: 'iphone' | 'phone' = 'iphone') {
  const challenge = await service.signInAccountSite({ appleId, password });
  if (challenge.status !== 'VERIFICATION_REQUIRED') throw new Error('expected a code to be asked for');
  const deviceId = deviceOf(challenge.devices, device);
  const sent = service.sendAccountSiteCode({ verificationId: challenge.verificationId, deviceId });
  return { verificationId: challenge.verificationId, deviceId, sent };
}

describe('under two-factor authentication the trusted iPhone asks first', () => {
  it('shows "sign in requested" with no code; Allow brings a 6-digit code, valid for ten minutes from then, that signs in', async () => {
    const { service, clock } = await openService();
    await twoFactor(service);
    const { verificationId, deviceId, sent } = await askCode(service);

    expect(sent).toMatchObject({ awaitsApproval: true, codeLength: 6 });
    const request = pendingRequest(service, deviceId);
    expect(request).toMatchObject({ code: '', request: { place: 'web-browser', decision: 'pending' } });
    // Nothing to type yet: no code exists until the owner allows it.
    expect((await identityError(() => service.completeAccountSiteSignIn({ verificationId, code: '123456' }))).code).toBe('CODE_NOT_SENT');

    clock.advance(3 * MINUTE);
    expect(service.answerSignInRequest({ requestId: request.id, allow: true })).toEqual({ decision: 'allowed' });
    const code = codeOnDevice(service, deviceId);
    expect(code).toMatch(/^\d{6}$/);
    expect(service.deviceNotifications(deviceId)[0]).toMatchObject({ request: null, expiresAt: clock.now() + 10 * MINUTE });
    expect(service.deviceNotifications(deviceId).find((n) => n.id === request.id)?.request?.decision).toBe('allowed');
    expect(service.completeAccountSiteSignIn({ verificationId, code }).token).toEqual(expect.any(String));
  });

  it("Don't Allow ends the attempt: no code, no further sends, SIGN_IN_DENIED at every step — and no failure counted", async () => {
    const { service } = await openService();
    await twoFactor(service);
    const { verificationId, deviceId } = await askCode(service);
    const phone = deviceOf(service.accountSiteAccount(await signInSite(service, { device: 'phone' })).devices, 'phone');
    const before = failuresOf(service, appleId);

    expect(service.answerSignInRequest({ requestId: pendingRequest(service, deviceId).id, allow: false })).toEqual({ decision: 'denied' });
    expect(service.deviceNotifications(deviceId).some((n) => n.code.length === 6)).toBe(false);
    expect((await identityError(() => service.completeAccountSiteSignIn({ verificationId, code: '123456' }))).code).toBe('SIGN_IN_DENIED');
    expect((await identityError(() => service.sendAccountSiteCode({ verificationId, deviceId }))).code).toBe('SIGN_IN_DENIED');
    expect((await identityError(() => service.sendAccountSiteCode({ verificationId, deviceId: phone }))).code).toBe('SIGN_IN_DENIED');
    expect((await identityError(() => service.accountSiteSignInDecision({ verificationId }))).code).toBe('SIGN_IN_DENIED');
    expect(failuresOf(service, appleId)).toBe(before);
    expect(activityLog(service).map((e) => e.event)).toContain('sign-in-denied');
  });

  it("a Don't Allow outlives the app: killed and started again, the attempt is still refused", async () => {
    const path = tempStorePath();
    const first = await openService({ path });
    await twoFactor(first.service);
    const { verificationId, deviceId } = await askCode(first.service);
    first.service.answerSignInRequest({ requestId: pendingRequest(first.service, deviceId).id, allow: false });
    first.service.close();

    const again = await openService({ path, clock: first.clock });
    expect((await identityError(() => again.service.sendAccountSiteCode({ verificationId, deviceId }))).code).toBe('SIGN_IN_DENIED');
  });

  it('20 answers at once to one request (Allow and Don\'t Allow mixed) decide once; the others are refused', async () => {
    const { service } = await openService();
    await twoFactor(service);
    const { verificationId, deviceId } = await askCode(service);
    const requestId = pendingRequest(service, deviceId).id;
    const events = recordEvents(service);

    const answers = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => Promise.resolve().then(() => service.answerSignInRequest({ requestId, allow: i % 2 === 1 }))),
    );
    const decided = answers.flatMap((a) => (a.status === 'fulfilled' ? [a.value.decision] : []));
    const refused = answers.flatMap((a) => (a.status === 'rejected' ? [(a.reason as { code: string }).code] : []));
    expect(decided).toHaveLength(1);
    expect(refused).toEqual(Array(19).fill('SIGN_IN_REQUEST_NOT_FOUND'));
    // The first answer (Don't Allow) won: one code was never made, and the attempt is over.
    expect(decided[0]).toBe('denied');
    expect(events.filter((e) => e.type === 'code-delivered' && e.notification.request === null)).toEqual([]);
    expect((await identityError(() => service.completeAccountSiteSignIn({ verificationId, code: '000000' }))).code).toBe('SIGN_IN_DENIED');
  });

  it('Allow twice gives one code, not two', async () => {
    const { service } = await openService();
    await twoFactor(service);
    const { deviceId } = await askCode(service);
    const requestId = pendingRequest(service, deviceId).id;
    service.answerSignInRequest({ requestId, allow: true });
    expect((await identityError(() => service.answerSignInRequest({ requestId, allow: true }))).code).toBe('SIGN_IN_REQUEST_NOT_FOUND');
    expect((await identityError(() => service.answerSignInRequest({ requestId, allow: false }))).code).toBe('SIGN_IN_REQUEST_NOT_FOUND');
    expect(service.deviceNotifications(deviceId).filter((n) => n.request === null && n.code.length === 6)).toHaveLength(1);
  });

  it('a request expires with its sign-in attempt, and a newer request replaces an older one', async () => {
    const { service, clock } = await openService();
    await twoFactor(service);
    const { verificationId, deviceId } = await askCode(service);
    const older = pendingRequest(service, deviceId).id;
    clock.advance(MINUTE);
    expect(service.sendAccountSiteCode({ verificationId, deviceId }).awaitsApproval).toBe(true);
    const newer = pendingRequest(service, deviceId);
    expect(newer.replaces).toBe(older);
    expect((await identityError(() => service.answerSignInRequest({ requestId: older, allow: true }))).code).toBe('SIGN_IN_REQUEST_NOT_FOUND');

    clock.advance(VERIFICATION_LIFETIME_MS);
    expect(service.deviceNotifications(deviceId)).toEqual([]);
    expect((await identityError(() => service.answerSignInRequest({ requestId: newer.id, allow: true }))).code).toBe('SIGN_IN_REQUEST_NOT_FOUND');
  });

  it('the asking page hears Allow as soon as it is given, and "pending" when nobody answers for a while', async () => {
    const { service } = await openService();
    await twoFactor(service);
    const { verificationId, deviceId } = await askCode(service);
    const waiting = service.accountSiteSignInDecision({ verificationId });
    allowOnIPhone(service, deviceId);
    await expect(waiting).resolves.toEqual({ decision: 'allowed' });
  });

  it("every place hears Don't Allow as the same refusal: iCloud.com, support, the App Store, iCloud on a Mac", async () => {
    const { service } = await openService();
    await twoFactor(service);
    const places = [
      { start: () => service.places.icloudSignIn({ appleId, password, keepSignedIn: false }), send: (v: string, d: number) => service.places.icloudSendCode({ verificationId: v, deviceId: d }), verify: (v: string) => service.places.icloudVerifyCode({ verificationId: v, code: '123456', keepSignedIn: false }), place: 'icloud-com' },
      { start: () => service.places.supportSignIn({ appleId, password }), send: (v: string, d: number) => service.places.supportSendCode({ verificationId: v, deviceId: d }), verify: (v: string) => service.places.supportVerifyCode({ verificationId: v, code: '123456' }), place: 'web-browser' },
      { start: () => service.places.appStoreSignIn({ appleId, password }), send: (v: string, d: number) => service.places.appStoreSendCode({ verificationId: v, deviceId: d }), verify: (v: string) => service.places.appStoreVerifyCode({ verificationId: v, code: '123456' }), place: 'mac' },
      { start: () => service.signInClient({ clientKind: 'icloud', appleId, password }), send: (v: string, d: number) => service.sendICloudCode({ verificationId: v, deviceId: d }), verify: (v: string) => service.completeICloudSignIn({ verificationId: v, code: '123456' }), place: 'mac' },
    ];
    for (const { start, send, verify, place } of places) {
      const challenge = (await start()) as { status: string; verificationId: string; devices: { id: number; kind: string }[] };
      expect(challenge.status).toBe('VERIFICATION_REQUIRED');
      const deviceId = deviceOf(challenge.devices, 'iphone');
      send(challenge.verificationId, deviceId);
      const request = pendingRequest(service, deviceId);
      expect(request.request?.place).toBe(place);
      service.answerSignInRequest({ requestId: request.id, allow: false });
      expect((await identityError(() => verify(challenge.verificationId))).code).toBe('SIGN_IN_DENIED');
    }
  });
});

describe('paths that do not ask', () => {
  it('a phone number gets its 6-digit code by SMS at once under two-factor, with nothing to allow', async () => {
    const { service } = await openService();
    await twoFactor(service);
    const { verificationId, deviceId, sent } = await askCode(service, 'phone');
    expect(sent.awaitsApproval).toBe(false);
    expect(service.deviceNotifications().some((n) => n.request !== null)).toBe(false);
    expect(service.completeAccountSiteSignIn({ verificationId, code: codeOnDevice(service, deviceId) }).token).toEqual(expect.any(String));
  });

  it('under two-step verification the iPhone shows its 4-digit code straight away, as in 2015', async () => {
    const { service } = await openService();
    const { sent, deviceId } = await askCode(service);
    expect(sent).toMatchObject({ awaitsApproval: false, codeLength: 4 });
    expect(codeOnDevice(service, deviceId)).toMatch(/^\d{4}$/);
  });
});

describe('switching the level', () => {
  it('at My Apple ID needs the current password: a wrong one is refused and counted as a failure', async () => {
    const { service } = await openService();
    const token = await signInSite(service);
    const before = failuresOf(service, appleId);
    expect((await identityError(() => service.setSecurityLevel(token, { level: 'two-factor', currentPassword: 'not-the-password' }))).code).toBe('CURRENT_PASSWORD_INCORRECT');
    expect(failuresOf(service, appleId)).toBe(before + 1);
    expect(service.accountSiteAccount(token).securityLevel).toBe('two-step');
    expect((await service.setSecurityLevel(token, { level: 'two-factor', currentPassword: password })).account.securityLevel).toBe('two-factor');
  });

  it("the presenter's switch moves the account both ways without a password, and refuses what is not a level", async () => {
    const { service } = await openService();
    await service.runScenario({ event: 'security-level', appleId, level: 'two-factor' });
    expect((await askCode(service)).sent.awaitsApproval).toBe(true);
    await service.runScenario({ event: 'security-level', appleId, level: 'two-step' });
    expect((await askCode(service)).sent).toMatchObject({ awaitsApproval: false, codeLength: 4 });
    expect((await identityError(() => service.runScenario({ event: 'security-level', appleId, level: 'three-factor' as 'none' }))).code).toBe('INVALID_INPUT');
    expect((await identityError(() => service.runScenario({ event: 'security-level', appleId, level: 'two-step' }))).code).toBe('SECURITY_LEVEL_UNCHANGED');
    expect((await identityError(() => service.answerSignInRequest({ requestId: '../x', allow: true }))).code).toBe('SIGN_IN_REQUEST_NOT_FOUND');
    expect((await identityError(() => service.answerSignInRequest({ requestId: 'a'.repeat(32), allow: 'yes' as unknown as boolean }))).code).toBe('INVALID_INPUT');
  });
});
