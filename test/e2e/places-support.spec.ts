import type { Page } from '@playwright/test';
import { t, type Lang } from './catalog.js';
import { expect, test, type TwoStep } from './fixtures.js';
import { DEMO, openIPhone, readCodeFromIPhone, signInViaApi } from './helpers.js';
import { openPlacesTab, shot } from './places.js';

/**
 * Apple ID support (issue 19) in both languages: nothing about the account — not its name, not
 * its devices — before the password and a code from Taro's iPhone, even in a browser signed in
 * to My Apple ID; then the account's details and a support case; Done signs support out.
 */

/** What the support API answers a browser before it has verified: its status and error code. */
async function supportSession(page: Page, twostep: TwoStep): Promise<{ status: number; code: string | undefined }> {
  const response = await page.request.post(`${twostep.origin}/api/support/session`, { headers: { origin: twostep.origin, 'content-type': 'application/json' }, data: {} });
  return { status: response.status(), code: ((await response.json()) as { error?: { code: string } }).error?.code };
}

for (const lang of ['en', 'ja'] as const satisfies readonly Lang[]) {
  test(`Apple ID support (${lang}): no talk about the account before the code, then its details and a case`, async ({ twostep, page }, testInfo) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width: 1280, height: 900 });
    // Signed in to My Apple ID in this browser: support still asks, as a place of its own.
    await signInViaApi(page, twostep);
    await page.goto(twostep.appUrl(`/control?lang=${lang}`));
    const tab = await openPlacesTab(page, twostep, 'support', lang, page);
    const iphone = await openIPhone(page, twostep, lang);
    await tab.bringToFront();

    await expect(tab.getByRole('heading', { level: 1, name: t(lang, 'places.support.title') })).toBeVisible();
    await expect(tab.locator('html')).toHaveAttribute('lang', lang);
    const nothingAboutTheAccount = async () => {
      for (const secret of [DEMO.appleId, t(lang, 'demo.fullName'), t(lang, 'demo.iphone'), t(lang, 'places.support.details')]) await expect(tab.getByText(secret)).toHaveCount(0);
      expect(await supportSession(tab, twostep)).toEqual({ status: 401, code: 'NOT_SIGNED_IN' });
    };
    await nothingAboutTheAccount();
    await shot(testInfo, tab, lang, 'support');
    await tab.getByRole('radio', { name: t(lang, 'places.support.topics.two-step') }).check();
    await tab.getByRole('button', { name: t(lang, 'common.continue'), exact: true }).click();

    await expect(tab.getByRole('heading', { level: 1, name: t(lang, 'places.support.signInTitle') })).toBeVisible();
    await expect(tab.getByLabel(t(lang, 'signIn.appleId'), { exact: true })).toBeFocused();
    await tab.getByLabel(t(lang, 'signIn.appleId'), { exact: true }).fill(DEMO.appleId);
    await tab.getByLabel(t(lang, 'signIn.password'), { exact: true }).fill(DEMO.password);
    await shot(testInfo, tab, lang, 'support-sign-in');
    await tab.getByRole('button', { name: t(lang, 'signIn.submit'), exact: true }).click();

    // The right password alone is not enough: a code first, and still nothing said.
    await expect(tab.getByRole('heading', { level: 1, name: t(lang, 'verify.title') })).toBeVisible();
    expect(await supportSession(tab, twostep)).toEqual({ status: 401, code: 'NOT_SIGNED_IN' });
    await tab.getByRole('radio', { name: new RegExp(t(lang, 'demo.iphone')) }).check();
    await shot(testInfo, tab, lang, 'support-verify');
    await tab.getByRole('button', { name: t(lang, 'common.continue'), exact: true }).click();
    const code = await readCodeFromIPhone(iphone);
    await tab.getByLabel(t(lang, 'verify.code'), { exact: true }).fill(code);
    await shot(testInfo, tab, lang, 'support-enter-code');
    await tab.getByRole('button', { name: t(lang, 'common.continue'), exact: true }).click();

    await expect(tab.getByRole('heading', { level: 1, name: t(lang, 'places.support.verifiedTitle') })).toBeVisible();
    const details = tab.getByRole('region', { name: t(lang, 'places.support.details') });
    await expect(details).toContainText(t(lang, 'demo.fullName'));
    await expect(details).toContainText(DEMO.appleId);
    await expect(details).toContainText(t(lang, 'places.support.levels.two-step'));
    await expect(details).toContainText(t(lang, 'demo.iphone'));
    await expect(details).toContainText(t(lang, 'places.support.cannot.two-step'));
    await shot(testInfo, tab, lang, 'support-verified', true);

    // A case, on the topic chosen first.
    const form = tab.getByRole('region', { name: t(lang, 'places.support.caseTitle') });
    await expect(form.getByLabel(t(lang, 'places.support.topic'), { exact: true })).toHaveValue('two-step');
    await form.getByLabel(t(lang, 'places.support.description'), { exact: true }).fill(lang === 'ja' ? '新しい iPhone を信頼できるデバイスにしたい。' : 'I want to make my new iPhone a trusted device.');
    await form.getByRole('button', { name: t(lang, 'places.support.submit'), exact: true }).click();
    await expect(tab.getByText(/^(Your case number is|ケース番号は)/)).toBeVisible();
    await expect(tab.getByRole('list', { name: t(lang, 'places.support.casesCaption') }).getByRole('listitem')).toHaveCount(1);
    await shot(testInfo, tab, lang, 'support-case');

    // Done: support is signed out, and says nothing again.
    await tab.getByRole('button', { name: t(lang, 'places.support.signOut'), exact: true }).click();
    await expect(tab.getByRole('heading', { level: 1, name: t(lang, 'places.support.title') })).toBeVisible();
    await tab.reload();
    await expect(tab.getByRole('heading', { level: 1, name: t(lang, 'places.support.title') })).toBeVisible();
    await nothingAboutTheAccount();
  });

  test(`Apple ID support (${lang}): a wrong code is refused and opens nothing`, async ({ twostep, page }) => {
    const iphone = await openIPhone(page, twostep, lang);
    await page.bringToFront();
    await page.goto(`${twostep.origin}/support?lang=${lang}`);
    await page.getByRole('button', { name: t(lang, 'common.continue'), exact: true }).click();
    await page.getByLabel(t(lang, 'signIn.appleId'), { exact: true }).fill(DEMO.appleId);
    await page.getByLabel(t(lang, 'signIn.password'), { exact: true }).fill(DEMO.password);
    await page.getByRole('button', { name: t(lang, 'signIn.submit'), exact: true }).click();
    await page.getByRole('radio', { name: new RegExp(t(lang, 'demo.iphone')) }).check();
    await page.getByRole('button', { name: t(lang, 'common.continue'), exact: true }).click();
    const code = await readCodeFromIPhone(iphone);
    await page.getByLabel(t(lang, 'verify.code'), { exact: true }).fill(code === '0000' ? '1111' : '0000');
    await page.getByRole('button', { name: t(lang, 'common.continue'), exact: true }).click();
    await expect(page.getByRole('alert')).toContainText(t(lang, 'errors.CODE_INCORRECT'));
    await expect(page.getByText(DEMO.appleId)).toHaveCount(0);
    expect(await supportSession(page, twostep)).toEqual({ status: 401, code: 'NOT_SIGNED_IN' });
  });
}
