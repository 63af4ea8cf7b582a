import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE } from '../../../main/identity/clock.js';
import { KEEP_SIGNED_IN_MS, WEB_SESSION_IDLE_MS } from '../../../main/identity/service/web-sessions.js';
import { activityLog, DEMO_ACCOUNT, deviceOf, identityError, openService, recordEvents, signInSite } from '../helpers/identity.js';
import { codeFor, signInICloudWeb } from './places-helpers.js';

const { appleId, password } = DEMO_ACCOUNT;

describe('iCloud.com', () => {
  it('asks for the password, then a code from a trusted device, and opens its own session', async () => {
    const { service } = await openService();
    const challenge = await service.places.icloudSignIn({ appleId, password, keepSignedIn: false });
    expect(challenge).toMatchObject({ status: 'VERIFICATION_REQUIRED', codeLength: 4 });
    const { verificationId, code } = codeFor(service, challenge, (input) => service.places.icloudSendCode(input));
    const { token } = service.places.icloudVerifyCode({ verificationId, code, keepSignedIn: false });
    expect(service.places.icloudHome(token)).toMatchObject({
      appleId,
      fullName: DEMO_ACCOUNT.fullName,
      iphones: [{ name: DEMO_ACCOUNT.iphone }],
      phoneNumbers: [DEMO_ACCOUNT.phoneNumber],
      session: { keepSignedIn: false },
    });
    // Its session is iCloud.com's only: My Apple ID does not know it.
    expect((await identityError(() => service.accountSiteAccount(token))).code).toBe('NOT_SIGNED_IN');
    expect(activityLog(service).filter((e) => e.source === 'icloud-web').map((e) => e.event)).toEqual(['verification-required', 'code-accepted', 'sign-in']);
  });

  it('"Keep me signed in" keeps the browser signed in for 30 days however idle; My Apple ID still asks for a code every time', async () => {
    const { service, clock } = await openService();
    const kept = await signInICloudWeb(service, true);
    const visit = await signInICloudWeb(service, false);
    const site = await signInSite(service);

    clock.advance(20 * DAY);
    expect(service.places.icloudHome(kept).session).toMatchObject({ keepSignedIn: true });
    expect((await identityError(() => service.places.icloudHome(visit))).code).toBe('SESSION_EXPIRED');
    expect((await identityError(() => service.accountSiteAccount(site))).code).toBe('SESSION_EXPIRED');
    // A new sign-in at My Apple ID wants a code again, in the same browser, as the seed noted.
    expect(await service.signInAccountSite({ appleId, password })).toMatchObject({ status: 'VERIFICATION_REQUIRED' });

    clock.advance(KEEP_SIGNED_IN_MS - 20 * DAY);
    expect((await identityError(() => service.places.icloudHome(kept))).code).toBe('SESSION_EXPIRED');
    // Ended once ran out: never open again.
    expect((await identityError(() => service.places.icloudHome(kept))).code).toBe('NOT_SIGNED_IN');
  });

  it('without "Keep me signed in" a session ends after 15 idle minutes, and 12 hours after signing in however busy', async () => {
    const { service, clock } = await openService();
    const started = clock.now();
    const token = await signInICloudWeb(service);
    clock.advance(WEB_SESSION_IDLE_MS - 1);
    expect(service.places.icloudHome(token).appleId).toBe(appleId);
    // Busy: a request every 14 minutes, up to the last minute of the 12 hours.
    while (clock.now() + 14 * MINUTE < started + 12 * HOUR) {
      clock.advance(14 * MINUTE);
      expect(service.places.icloudHome(token).appleId).toBe(appleId);
    }
    clock.advance(started + 12 * HOUR - clock.now());
    expect((await identityError(() => service.places.icloudHome(token))).code).toBe('SESSION_EXPIRED');

    const idle = await signInICloudWeb(service);
    clock.advance(WEB_SESSION_IDLE_MS);
    expect((await identityError(() => service.places.icloudHome(idle))).code).toBe('SESSION_EXPIRED');
  });

  it('refuses an app-specific password as a wrong password, counted on the account\'s failure budget', async () => {
    const { service } = await openService();
    const site = await signInSite(service);
    const { password: appPassword } = service.createAppPassword(site, { label: 'Some app' });
    const error = await identityError(() => service.places.icloudSignIn({ appleId, password: appPassword, keepSignedIn: true }));
    expect(error.code).toBe('INCORRECT');
    expect(service.database.prepare('SELECT failed_attempts FROM accounts WHERE apple_id = ?').get(appleId)).toEqual({ failed_attempts: 1 });
  });

  it('never accepts a code or a verification of another place', async () => {
    const { service } = await openService();
    const site = await service.signInAccountSite({ appleId, password });
    if (site.status !== 'VERIFICATION_REQUIRED') throw new Error('expected a challenge');
    const iphone = deviceOf(site.devices, 'iphone');
    expect((await identityError(() => service.places.icloudSendCode({ verificationId: site.verificationId, deviceId: iphone }))).code).toBe('VERIFICATION_NOT_FOUND');
    const { code } = codeFor(service, site, (input) => service.sendAccountSiteCode(input));
    expect((await identityError(() => service.places.icloudVerifyCode({ verificationId: site.verificationId, code, keepSignedIn: true }))).code).toBe('VERIFICATION_NOT_FOUND');
    // …and the My Apple ID sign-in still completes with it.
    expect(service.completeAccountSiteSignIn({ verificationId: site.verificationId, code }).token).toBeTruthy();
  });

  it('ends on Sign Out, on Sign Out of All Browsers, on a password change, and from the control center', async () => {
    const { service } = await openService();
    const events = recordEvents(service);
    const a = await signInICloudWeb(service, true);
    service.places.icloudSignOut(a);
    expect((await identityError(() => service.places.icloudHome(a))).code).toBe('NOT_SIGNED_IN');

    const b = await signInICloudWeb(service, true);
    const c = await signInICloudWeb(service, false);
    expect(service.places.icloudSignOutAllBrowsers(c)).toEqual({ ended: 2 });
    for (const token of [b, c]) expect((await identityError(() => service.places.icloudHome(token))).code).toBe('NOT_SIGNED_IN');

    const d = await signInICloudWeb(service, true);
    const listed = service.places.view().webSessions;
    expect(listed).toEqual([expect.objectContaining({ place: 'icloud-web', appleId, keepSignedIn: true })]);
    service.places.endWebSession({ sessionId: listed[0]!.id });
    expect((await identityError(() => service.places.icloudHome(d))).code).toBe('NOT_SIGNED_IN');
    expect((await identityError(() => service.places.endWebSession({ sessionId: listed[0]!.id }))).code).toBe('WEB_SESSION_NOT_FOUND');

    const e = await signInICloudWeb(service, true);
    await service.runScenario({ event: 'change-password', appleId, newPassword: 'Another-Password-2015' });
    expect((await identityError(() => service.places.icloudHome(e))).code).toBe('NOT_SIGNED_IN');
    expect(service.places.view().webSessions).toEqual([]);
    const reasons = activityLog(service).filter((x) => x.source === 'icloud-web' && x.event === 'session-ended').map((x) => x.detail.reason);
    expect(reasons).toEqual(['signed-out', 'all-browsers', 'all-browsers', 'control-center', 'password-changed']);
    expect(events.some((x) => x.type === 'places-changed' && x.what === 'web-sessions')).toBe(true);
  });

  it('is gone after Reset & restart', async () => {
    const { service } = await openService();
    const token = await signInICloudWeb(service, true);
    await service.resetDemo();
    expect((await identityError(() => service.places.icloudHome(token))).code).toBe('NOT_SIGNED_IN');
    expect(service.places.view().webSessions).toEqual([]);
  });
});
