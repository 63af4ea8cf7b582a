import type { Browser, Page } from '@playwright/test';
import { scan } from './axe.js';
import { t, type Lang } from './catalog.js';
import { expect, test, type TwoStep } from './fixtures.js';
import { answerOnIPhone, codeFromAlert, DEMO, goToPasswordAndSecurity, openIPhone, readCodeFromIPhone, signInViaApi } from './helpers.js';
import { shot } from './places.js';

/**
 * Today's two-factor authentication beside 2015's two-step verification (issue 19): the level
 * switched at My Apple ID (with the password) or by the presenter, then a sign-in in another
 * browser that the trusted iPhone must Allow — or refuses with Don't Allow.
 */

/** A new browser (its own cookies and storage) at My Apple ID, signed in up to "Verify your identity" with the iPhone chosen. */
async function signInElsewhere(browser: Browser, twostep: TwoStep, lang: Lang): Promise<Page> {
  const other = await (await browser.newContext()).newPage();
  await other.goto(`${twostep.origin}/account?lang=${lang}`);
  await other.getByLabel(t(lang, 'signIn.appleId'), { exact: true }).fill(DEMO.appleId);
  await other.getByLabel(t(lang, 'signIn.password'), { exact: true }).fill(DEMO.password);
  await other.getByRole('button', { name: t(lang, 'signIn.submit'), exact: true }).click();
  await expect(other.getByRole('heading', { name: t(lang, 'verify.title') })).toBeVisible();
  await other.getByRole('radio', { name: /Taro's iPhone|太郎の iPhone/ }).check();
  await other.getByRole('button', { name: t(lang, 'common.continue'), exact: true }).click();
  const device = lang === 'ja' ? '太郎の iPhone' : "Taro's iPhone";
  await expect(other.getByText(t(lang, 'twoFactor.site.askAllow', { device, length: 6 }))).toBeVisible();
  return other;
}

const requestAlert = (iphone: Page, lang: Lang) => iphone.getByRole('alertdialog', { name: t(lang, 'twoFactor.request.title') });

for (const lang of ['en', 'ja'] as const) {
  test(`${lang}: switched to two-factor at My Apple ID, a sign-in in another browser is allowed on the iPhone and finished with its 6-digit code`, async ({
    twostep,
    page,
    browser,
  }, testInfo) => {
    await signInViaApi(page, twostep);
    await page.goto(`${twostep.origin}/account?lang=${lang}`);
    await goToPasswordAndSecurity(page, twostep, lang);
    await page.getByRole('button', { name: t(lang, 'twoFactor.account.change'), exact: true }).click();
    const dialog = page.getByRole('alertdialog', { name: t(lang, 'twoFactor.account.changeTitle') });
    await dialog.getByRole('radio', { name: t(lang, 'twoFactor.account.levels.two-factor') }).check();
    // A wrong password changes nothing.
    await dialog.getByLabel(t(lang, 'stepUp.password')).fill('not-the-password');
    await dialog.getByRole('button', { name: t(lang, 'twoFactor.account.apply'), exact: true }).click();
    await expect(dialog.getByRole('alert')).toHaveText(t(lang, 'errors.CURRENT_PASSWORD_INCORRECT'));
    await dialog.getByLabel(t(lang, 'stepUp.password')).fill(DEMO.password);
    await shot(testInfo, dialog, lang, 'two-factor-change-level');
    await scan(page, lang, 'two-factor-change-level');
    await dialog.getByRole('button', { name: t(lang, 'twoFactor.account.apply'), exact: true }).click();
    await expect(page.getByText(t(lang, 'twoFactor.account.changed', { level: t(lang, 'twoFactor.account.levels.two-factor') }))).toBeVisible();
    await expect(page.getByText(t(lang, 'account.twoFactorOn'))).toBeVisible();
    await shot(testInfo, page, lang, 'two-factor-on');

    const iphone = await openIPhone(page, twostep, lang);
    const other = await signInElsewhere(browser, twostep, lang);
    const request = requestAlert(iphone, lang);
    await expect(request).toBeVisible();
    await expect(request.getByRole('img', { name: t(lang, 'twoFactor.request.map') })).toBeVisible();
    await expect(request).toContainText(t(lang, 'twoFactor.request.places.web-browser'));
    await shot(testInfo, iphone, lang, 'two-factor-request', true);
    await scan(iphone, lang, 'two-factor-request');

    // Allow, then read the code the way a person does (its alert pictured first).
    await answerOnIPhone(iphone, 'allow');
    await expect(iphone.getByRole('alertdialog', { name: t(lang, 'twoFactor.code.title') }).getByText(/^\d{6}$/)).toBeVisible();
    await shot(testInfo, iphone, lang, 'two-factor-code', true);
    await scan(iphone, lang, 'two-factor-code');
    const code = await codeFromAlert(iphone);

    const device = lang === 'ja' ? '太郎の iPhone' : "Taro's iPhone";
    await expect(other.getByText(t(lang, 'twoFactor.site.allowed', { device }))).toBeVisible();
    await other.getByLabel(t(lang, 'verify.code')).fill(code);
    await other.getByRole('button', { name: t(lang, 'common.continue'), exact: true }).click();
    // Under two-factor the web asks whether to trust this browser (test/e2e/trusted-browsers.spec.ts): not now.
    await expect(other.getByRole('heading', { level: 1, name: t(lang, 'trustedBrowsers.prompt.title') })).toBeVisible();
    await other.getByRole('button', { name: t(lang, 'trustedBrowsers.prompt.notNow'), exact: true }).click();
    await expect(other.getByRole('heading', { level: 1, name: t(lang, 'signIn.title'), exact: true })).toBeVisible();
    await other.context().close();
  });

  test(`${lang}: the presenter switches to two-factor; Don't Allow on the iPhone (by keyboard) ends the sign-in and My Apple ID says so at once`, async ({
    twostep,
    page,
    browser,
  }, testInfo) => {
    await page.goto(twostep.appUrl(`/control?lang=${lang}`));
    const thenAndNow = page.getByRole('region', { name: t(lang, 'twoFactor.control.title') });
    await thenAndNow.getByRole('button', { name: t(lang, 'twoFactor.control.toTwoFactor') }).click();
    await expect(thenAndNow.getByRole('status')).toHaveText(t(lang, 'twoFactor.control.done', { level: t(lang, 'twoFactor.account.levels.two-factor') }));
    await expect(thenAndNow.getByRole('button', { name: t(lang, 'twoFactor.control.toTwoFactor') })).toHaveAttribute('aria-pressed', 'true');
    await shot(testInfo, thenAndNow, lang, 'two-factor-control');
    await scan(page, lang, 'two-factor-control');

    const iphone = await openIPhone(page, twostep, lang);
    const other = await signInElsewhere(browser, twostep, lang);
    const request = requestAlert(iphone, lang);
    const deny = request.getByRole('button', { name: t(lang, 'twoFactor.request.deny'), exact: true });
    // The alert takes the focus; Tab moves to Allow and back, Enter answers.
    await expect(deny).toBeFocused();
    await iphone.keyboard.press('Tab');
    await expect(request.getByRole('button', { name: t(lang, 'twoFactor.request.allow'), exact: true })).toBeFocused();
    await iphone.keyboard.press('Shift+Tab');
    await iphone.keyboard.press('Enter');
    await expect(request).toBeHidden();

    await expect(other.getByRole('alert')).toHaveText(t(lang, 'errors.SIGN_IN_DENIED'));
    await shot(testInfo, other, lang, 'two-factor-denied', true);
    await scan(other, lang, 'two-factor-denied');
    // Nothing more comes of that attempt: a code typed now is refused the same way.
    await other.getByLabel(t(lang, 'verify.code')).fill('123456');
    await other.getByRole('button', { name: t(lang, 'common.continue'), exact: true }).click();
    await expect(other.getByRole('alert')).toHaveText(t(lang, 'errors.SIGN_IN_DENIED'));
    await other.context().close();
  });
}

test('two-step verification is unchanged: the iPhone shows its 4-digit code with nothing to allow; back from two-factor too', async ({ twostep, page, browser }) => {
  await page.goto(twostep.appUrl('/control?lang=en'));
  const thenAndNow = page.getByRole('region', { name: 'Then and now' });
  await thenAndNow.getByRole('button', { name: 'Two-Factor Authentication (Today)' }).click();
  await expect(thenAndNow.getByRole('status')).not.toBeEmpty();
  await thenAndNow.getByRole('button', { name: 'Two-Step Verification (2015)' }).click();
  await expect(thenAndNow.getByRole('status')).toHaveText('The demo account now uses Two-step verification.');

  const iphone = await openIPhone(page, twostep, 'en');
  const other = await (await browser.newContext()).newPage();
  await other.goto(`${twostep.origin}/account?lang=en`);
  await other.getByLabel('Apple ID', { exact: true }).fill(DEMO.appleId);
  await other.getByLabel('Password', { exact: true }).fill(DEMO.password);
  await other.getByRole('button', { name: 'Sign In', exact: true }).click();
  await other.getByRole('radio', { name: /Taro's iPhone/ }).check();
  await other.getByRole('button', { name: 'Continue', exact: true }).click();
  expect(await readCodeFromIPhone(iphone)).toMatch(/^\d{4}$/);
  await expect(iphone.getByRole('alertdialog')).toHaveCount(0);
  await other.context().close();
});
