import { t, type Lang } from './catalog.js';
import { expect, test } from './fixtures.js';
import { appCall, DEMO, latestCode, signInViaApi, siteCall } from './helpers.js';
import { shot } from './places.js';

/**
 * Account recovery under two-factor authentication (issue 19 part B), at My Apple ID in both
 * languages: no recovery key, so "forgot" leads to a request that shows its waiting period with
 * its dates; the presenter clock moves past them; a code to the trusted number and a new
 * password recover the account.
 */
for (const lang of ['en', 'ja'] as const satisfies readonly Lang[]) {
  test(`account recovery (${lang}): the waiting screen with its dates, then past the date a code to the phone and a new password`, async ({ twostep, page }, testInfo) => {
    test.setTimeout(120_000);
    await signInViaApi(page, twostep);
    expect((await siteCall(page.request, twostep, 'setSecurityLevel', { level: 'two-factor', currentPassword: DEMO.password })).ok).toBe(true);

    await page.goto(`${twostep.origin}/unlock?lang=${lang}`);
    await page.getByRole('link', { name: t(lang, 'twoFactorApps.recovery.link') }).click();
    await expect(page.getByRole('heading', { level: 1, name: t(lang, 'twoFactorApps.recovery.title') })).toBeVisible();
    await page.getByLabel(t(lang, 'signIn.appleId'), { exact: true }).fill(DEMO.appleId);
    await page.getByLabel(t(lang, 'twoFactorApps.recovery.phone'), { exact: true }).fill('+1 202 555 0199');
    await page.getByRole('button', { name: t(lang, 'twoFactorApps.recovery.request'), exact: true }).click();
    await expect(page.getByRole('alert')).toContainText(t(lang, 'errors.RECOVERY_NOT_POSSIBLE'));
    await shot(testInfo, page, lang, 'two-factor-recovery-request');
    await page.getByLabel(t(lang, 'twoFactorApps.recovery.phone'), { exact: true }).fill('+1 (202) 555-0123');
    await page.getByRole('button', { name: t(lang, 'twoFactorApps.recovery.request'), exact: true }).click();

    // The waiting screen: when recovery is possible, and when the phone will be texted.
    await expect(page.getByRole('heading', { level: 1, name: t(lang, 'twoFactorApps.recovery.waitingTitle') })).toBeVisible();
    await expect(page.getByText(t(lang, 'twoFactorApps.recovery.readyAt'), { exact: true })).toBeVisible();
    await expect(page.getByText(t(lang, 'twoFactorApps.recovery.contactAt', { phone: '•••-••23' }), { exact: true })).toBeVisible();
    await shot(testInfo, page, lang, 'two-factor-recovery-waiting', true);
    // Not yet: checking again changes nothing; a reload finds the request again.
    await page.getByRole('button', { name: t(lang, 'twoFactorApps.recovery.check'), exact: true }).click();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: t(lang, 'twoFactorApps.recovery.waitingTitle') })).toBeVisible();

    // The presenter clock moves past the waiting period, a day at a time (Skip 1 Day).
    for (let day = 0; day < 3; day++) expect((await appCall(page.request, twostep, 'skipClock', { minutes: 24 * 60 })).ok).toBe(true);
    await page.getByRole('button', { name: t(lang, 'twoFactorApps.recovery.check'), exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: t(lang, 'twoFactorApps.recovery.readyTitle') })).toBeVisible();
    await shot(testInfo, page, lang, 'two-factor-recovery-ready');
    await page.getByRole('button', { name: t(lang, 'twoFactorApps.recovery.sendCode'), exact: true }).click();
    // The code field appears once the site has answered that the code went out; reading the
    // phone before then races the send (the codes from before the waiting period have expired).
    const codeField = page.getByLabel(t(lang, 'verify.code'), { exact: true });
    await expect(codeField).toBeVisible();
    await codeField.fill(await latestCode(page.request, twostep));
    await page.getByLabel(t(lang, 'changePassword.new'), { exact: true }).fill('Recovered-Password-2016');
    await page.getByLabel(t(lang, 'changePassword.confirm'), { exact: true }).fill('Recovered-Password-2016');
    await page.getByRole('button', { name: t(lang, 'unlock.reset'), exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: t(lang, 'twoFactorApps.recovery.doneTitle') })).toBeVisible();
    await shot(testInfo, page, lang, 'two-factor-recovery-done');
  });
}
