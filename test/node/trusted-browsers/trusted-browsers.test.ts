import { describe, expect, it } from 'vitest';
import { DAY, MINUTE } from '../../../main/identity/clock.js';
import { TRUSTED_BROWSER_LIFETIME_MS } from '../../../main/identity/service/trusted-browsers.js';
import { activityLog, DEMO_ACCOUNT, identityError, openService, signInSite } from '../helpers/identity.js';
import { CHROME_ON_MAC, passwordStep, signInWithCode, trustThisBrowser, twoFactor } from './trust-helpers.js';

/**
 * "Trust this browser?" under two-factor authentication (issue 19, part B): after the code,
 * Trust lets this browser sign in at that place with the password alone for 30 days — on the
 * same failure budget — until it is removed, the password changes or the account leaves
 * two-factor authentication.
 */
const { appleId, password } = DEMO_ACCOUNT;

describe('Trust this browser?', () => {
  it('is asked after the code under two-factor authentication, and never under two-step verification', async () => {
    const { service } = await openService();
    const before = await signInWithCode(service, 'account-site');
    expect(before.askTrust).toBe(false);
    // Under two-step verification there is no question to answer.
    expect((await identityError(() => service.trustedBrowsers.decide('account-site', before.token, { verificationId: before.verificationId, decision: 'trust' }, CHROME_ON_MAC))).code).toBe('VERIFICATION_NOT_FOUND');

    await twoFactor(service);
    expect((await signInWithCode(service, 'account-site')).askTrust).toBe(true);
    expect((await signInWithCode(service, 'icloud-web')).askTrust).toBe(true);
  });

  it('Trust: the next sign-in here needs only the password, for 30 days exactly by the clock', async () => {
    const { service, clock } = await openService();
    await twoFactor(service);
    const { trust } = await trustThisBrowser(service);

    expect(await passwordStep(service, 'account-site', [trust])).toMatchObject({ status: 'SIGNED_IN' });
    // Without the trust (another browser) the code is asked as ever.
    expect(await passwordStep(service, 'account-site')).toMatchObject({ status: 'VERIFICATION_REQUIRED', codeLength: 6 });

    clock.advance(TRUSTED_BROWSER_LIFETIME_MS - 1);
    expect(await passwordStep(service, 'account-site', [trust])).toMatchObject({ status: 'SIGNED_IN' });
    expect(service.trustedBrowsers.all()).toHaveLength(1);
    clock.advance(1);
    expect(await passwordStep(service, 'account-site', [trust])).toMatchObject({ status: 'VERIFICATION_REQUIRED' });
    expect(service.trustedBrowsers.all()).toEqual([]);
    expect(activityLog(service).filter((e) => e.event === 'trusted-browser-ended').map((e) => e.detail.reason)).toEqual(['expired']);
  });

  it('Not Now and Don\'t Trust trust nothing: the code is asked again', async () => {
    const { service } = await openService();
    await twoFactor(service);
    for (const decision of ['not-now', 'dont-trust'] as const) {
      const { token, verificationId } = await signInWithCode(service, 'account-site');
      expect(service.trustedBrowsers.decide('account-site', token, { verificationId, decision }, CHROME_ON_MAC)).toBeNull();
      expect(await passwordStep(service, 'account-site')).toMatchObject({ status: 'VERIFICATION_REQUIRED' });
    }
    expect(service.trustedBrowsers.all()).toEqual([]);
  });

  it('is answered once, only by the session its code opened, and only soon after the code', async () => {
    const { service, clock } = await openService();
    await twoFactor(service);
    const decide = (token: string, verificationId: string, decision: 'trust' | 'not-now' = 'trust') =>
      identityError(() => service.trustedBrowsers.decide('account-site', token, { verificationId, decision }, CHROME_ON_MAC));

    // Twice: the second answer finds no question.
    const first = await signInWithCode(service, 'account-site');
    expect(service.trustedBrowsers.decide('account-site', first.token, { verificationId: first.verificationId, decision: 'not-now' }, CHROME_ON_MAC)).toBeNull();
    expect((await decide(first.token, first.verificationId)).code).toBe('VERIFICATION_NOT_FOUND');

    // From another session of the same account (another browser signed in meanwhile).
    const asked = await signInWithCode(service, 'account-site');
    const other = await signInSite(service);
    expect((await decide(other, asked.verificationId)).code).toBe('VERIFICATION_NOT_FOUND');
    // From iCloud.com's session, for My Apple ID's question.
    const icloud = await signInWithCode(service, 'icloud-web');
    expect((await identityError(() => service.trustedBrowsers.decide('icloud-web', icloud.token, { verificationId: asked.verificationId, decision: 'trust' }, CHROME_ON_MAC))).code).toBe('VERIFICATION_NOT_FOUND');

    // Later: ten minutes after the code the question is gone (the session itself still open).
    clock.advance(10 * MINUTE);
    service.accountSiteAccount(asked.token);
    expect((await decide(asked.token, asked.verificationId)).code).toBe('VERIFICATION_NOT_FOUND');
    expect(service.trustedBrowsers.all()).toEqual([]);
  });

  it('a wrong password at a trusted browser is refused and counts on the one failure budget', async () => {
    const { service } = await openService();
    await twoFactor(service);
    const { trust } = await trustThisBrowser(service);
    const failures = () => (service.database.prepare('SELECT failed_attempts FROM accounts WHERE apple_id = ?').get(appleId) as { failed_attempts: number }).failed_attempts;

    expect((await identityError(() => passwordStep(service, 'account-site', [trust], 'Not-The-Password-1'))).code).toBe('INCORRECT');
    expect((await identityError(() => passwordStep(service, 'account-site', [trust], 'Not-The-Password-2'))).code).toBe('INCORRECT');
    expect(failures()).toBe(2);
    // The right one still signs in without a code, and starts the count again.
    expect(await passwordStep(service, 'account-site', [trust])).toMatchObject({ status: 'SIGNED_IN' });
    expect(failures()).toBe(0);
  });

  it('a new password ends every trusted browser, and the question still open with it', async () => {
    const { service } = await openService();
    await twoFactor(service);
    const site = await trustThisBrowser(service, 'account-site');
    const icloud = await trustThisBrowser(service, 'icloud-web');
    const pending = await signInWithCode(service, 'account-site');

    await service.changePassword(pending.token, { currentPassword: password, newPassword: 'Another-Password-2026' });

    expect(await passwordStep(service, 'account-site', [site.trust], 'Another-Password-2026')).toMatchObject({ status: 'VERIFICATION_REQUIRED' });
    expect(await passwordStep(service, 'icloud-web', [icloud.trust], 'Another-Password-2026')).toMatchObject({ status: 'VERIFICATION_REQUIRED' });
    expect((await identityError(() => service.trustedBrowsers.decide('account-site', pending.token, { verificationId: pending.verificationId, decision: 'trust' }, CHROME_ON_MAC))).code).toBe('VERIFICATION_NOT_FOUND');
    expect(service.trustedBrowsers.all()).toEqual([]);
  });

  it('switching back to two-step verification ends them; switching to two-factor again does not bring them back', async () => {
    const { service } = await openService();
    await twoFactor(service);
    const { trust, session } = await trustThisBrowser(service);

    await service.setSecurityLevel(session, { level: 'two-step', currentPassword: password });
    expect(await passwordStep(service, 'account-site', [trust])).toMatchObject({ status: 'VERIFICATION_REQUIRED', codeLength: 4 });
    await service.setSecurityLevel(session, { level: 'two-factor', currentPassword: password });
    expect(await passwordStep(service, 'account-site', [trust])).toMatchObject({ status: 'VERIFICATION_REQUIRED', codeLength: 6 });
    expect(activityLog(service).filter((e) => e.event === 'trusted-browser-ended').map((e) => e.detail.reason)).toEqual(['security-changed']);
  });

  it('My Apple ID lists them and Remove ends one; the control center lists every one and End ends it', async () => {
    const { service, clock } = await openService();
    await twoFactor(service);
    const first = await trustThisBrowser(service, 'account-site');
    clock.advance(DAY);
    const second = await trustThisBrowser(service, 'icloud-web');
    const site = await signInSite(service);

    const listed = service.trustedBrowsers.list(site);
    expect(listed).toMatchObject([
      { place: 'account-site', browser: 'chrome', os: 'mac', expiresAt: listed[0]!.trustedAt + 30 * DAY },
      { place: 'icloud-web', browser: 'chrome', os: 'mac' },
    ]);
    expect(service.trustedBrowsers.all().map((b) => b.appleId)).toEqual([appleId, appleId]);

    expect(service.trustedBrowsers.remove(site, { browserId: listed[0]!.id })).toHaveLength(1);
    expect(await passwordStep(service, 'account-site', [first.trust])).toMatchObject({ status: 'VERIFICATION_REQUIRED' });
    // Removed already: nothing to remove.
    expect((await identityError(() => service.trustedBrowsers.remove(site, { browserId: listed[0]!.id }))).code).toBe('TRUSTED_BROWSER_NOT_FOUND');

    service.trustedBrowsers.end({ browserId: listed[1]!.id });
    expect(await passwordStep(service, 'icloud-web', [second.trust])).toMatchObject({ status: 'VERIFICATION_REQUIRED' });
    expect(service.trustedBrowsers.list(site)).toEqual([]);
    expect((await identityError(() => service.trustedBrowsers.end({ browserId: listed[1]!.id }))).code).toBe('TRUSTED_BROWSER_NOT_FOUND');
  });

  it('a trust is of its place and its account: My Apple ID\'s does not skip iCloud.com\'s code', async () => {
    const { service } = await openService();
    await twoFactor(service);
    const { trust } = await trustThisBrowser(service, 'account-site');
    expect(await passwordStep(service, 'icloud-web', [trust])).toMatchObject({ status: 'VERIFICATION_REQUIRED' });
    // A made-up token beside the real one changes nothing; the real one still counts.
    expect(await passwordStep(service, 'account-site', ['A'.repeat(43), trust])).toMatchObject({ status: 'SIGNED_IN' });
  });

  it('the trust is stored only as a keyed hash', async () => {
    const { service } = await openService();
    await twoFactor(service);
    const { trust } = await trustThisBrowser(service);
    const rows = service.database.prepare('SELECT * FROM trusted_browsers').all() as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('latin1') : v))).not.toContain(trust);
    expect(Buffer.from(rows[0]!.token_hash as Buffer).length).toBe(32);
  });

  it('Reset & Restart leaves no trusted browser and no open question behind', async () => {
    const { service } = await openService();
    await twoFactor(service);
    await trustThisBrowser(service);
    await signInWithCode(service, 'icloud-web');
    await service.resetDemo();
    expect(service.trustedBrowsers.all()).toEqual([]);
    const left = (table: string) => (service.database.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect([left('trusted_browsers'), left('browser_trust_offers')]).toEqual([0, 0]);
  });
});
