import { t, type Lang } from './catalog.js';
import { expect, test } from './fixtures.js';
import { DEMO, openIPhone, siteCall, signInViaApi } from './helpers.js';
import { afterBrowserRestart, expectICloudHome, icloudCode, icloudPassword, openPlacesTab, placesPanel, shot } from './places.js';

/**
 * iCloud.com in the real browser (issue 19), in both languages: the sign-in with the code from
 * Taro's iPhone, "Keep me signed in" that keeps this browser signed in past a restart of the
 * browser and 20 days of the test clock — while My Apple ID, in the same browser, asks for a code
 * again, as the seed noted — the home page's apps, and the session ended from the control center.
 */

const DAY = 24 * 60 * 60 * 1000;

for (const lang of ['en', 'ja'] as const satisfies readonly Lang[]) {
  test(`iCloud.com (${lang}): the code, Keep me signed in, the apps; the browser stays signed in while My Apple ID asks for a code again`, async ({ twostep, page, browser }, testInfo) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1280, height: 860 });
    const iphone = await openIPhone(page, twostep, lang);
    await page.bringToFront();
    await page.goto(`${twostep.origin}/icloud?lang=${lang}`);
    await expect(page.getByRole('heading', { name: t(lang, 'places.icloudWeb.signInTitle') })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await page.getByLabel(t(lang, 'places.icloudWeb.appleId'), { exact: true }).fill(DEMO.appleId);
    await page.getByRole('checkbox', { name: t(lang, 'places.icloudWeb.keepSignedIn') }).check();
    await shot(testInfo, page, lang, 'icloud-web-sign-in');

    await icloudPassword(page, lang, DEMO.password, true);
    await expect(page.getByRole('heading', { name: t(lang, 'places.icloudWeb.verifyTitle') })).toBeVisible();
    await shot(testInfo, page, lang, 'icloud-web-verify');
    await icloudCode(page, iphone, lang);
    await expectICloudHome(page, lang);
    await expect(page.getByRole('note')).toContainText(t(lang, 'places.icloudWeb.keptUntil', { date: '' }).replace(/\s*$/, '').slice(0, 8));
    await shot(testInfo, page, lang, 'icloud-web-home', true);

    // Each tile opens its app, a read-only view of the account.
    const tiles = page.getByRole('list', { name: t(lang, 'places.icloudWeb.appsLabel') });
    await tiles.getByRole('link', { name: t(lang, 'places.icloudWeb.apps.find') }).click();
    await expect(page).toHaveURL(/\/icloud\/find$/);
    await expect(page.getByRole('heading', { level: 1, name: t(lang, 'places.icloudWeb.apps.find') })).toBeFocused();
    await expect(page.getByRole('button', { name: /Taro's iPhone|太郎の iPhone/ })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('article')).toContainText(t(lang, 'places.icloudWeb.find.online'));
    await shot(testInfo, page, lang, 'icloud-web-find-my-iphone');
    for (const [app, expected] of [
      ['mail', DEMO.appleId],
      ['contacts', '+1 (202) 555-0123'],
      ['calendar', t(lang, 'places.icloudWeb.calendar.noEvents')],
      ['settings', t(lang, 'places.icloudWeb.settings.twoStepOn')],
    ] as const) {
      await page.goto(`${twostep.origin}/icloud`);
      await page.getByRole('list', { name: t(lang, 'places.icloudWeb.appsLabel') }).getByRole('link', { name: t(lang, `places.icloudWeb.apps.${app}`) }).click();
      await expect(page.getByRole('heading', { level: 1, name: t(lang, `places.icloudWeb.apps.${app}`) })).toBeVisible();
      await expect(page.getByRole('main')).toContainText(expected);
      await shot(testInfo, page, lang, `icloud-web-${app}`);
    }

    // The browser is closed and opened again (its session cookies gone): still signed in.
    const reopened = await browser.newContext({ storageState: await afterBrowserRestart(page) });
    try {
      const again = await reopened.newPage();
      await again.goto(`${twostep.origin}/icloud/settings`);
      await expect(again.getByRole('heading', { level: 1, name: t(lang, 'places.icloudWeb.apps.settings') })).toBeVisible();
      // Twenty days later, too.
      await twostep.advanceClock(20 * DAY);
      await again.reload();
      await expect(again.getByRole('heading', { level: 1, name: t(lang, 'places.icloudWeb.apps.settings') })).toBeVisible();
      // My Apple ID, in the same browser: a code again, every time.
      await again.goto(`${twostep.origin}/account`);
      await expect(again.getByRole('heading', { name: t(lang, 'signIn.title') })).toBeVisible();
      await again.getByLabel(t(lang, 'signIn.appleId'), { exact: true }).fill(DEMO.appleId);
      await again.getByLabel(t(lang, 'signIn.password'), { exact: true }).fill(DEMO.password);
      await again.getByRole('button', { name: t(lang, 'signIn.submit'), exact: true }).click();
      await expect(again.getByRole('heading', { name: t(lang, 'verify.title') })).toBeVisible();
      await shot(testInfo, again, lang, 'my-apple-id-asks-again');
    } finally {
      await reopened.close();
    }
  });

  test(`iCloud.com (${lang}): without Keep me signed in, a browser restart signs it out; the control center lists a session and ends it`, async ({ twostep, page, browser }, testInfo) => {
    test.setTimeout(120_000);
    const iphone = await openIPhone(page, twostep, lang);
    await page.bringToFront();
    await page.goto(`${twostep.origin}/icloud?lang=${lang}`);
    await icloudPassword(page, lang, DEMO.password, false);
    await icloudCode(page, iphone, lang);
    await expectICloudHome(page, lang);
    await expect(page.getByRole('note')).toHaveText(t(lang, 'places.icloudWeb.notKept'));

    const reopened = await browser.newContext({ storageState: await afterBrowserRestart(page) });
    try {
      const again = await reopened.newPage();
      await again.goto(`${twostep.origin}/icloud`);
      await expect(again.getByRole('heading', { name: t(lang, 'places.icloudWeb.signInTitle') })).toBeVisible();
    } finally {
      await reopened.close();
    }

    // The control center lists this browser's session; End signs it out.
    const control = await page.context().newPage();
    await control.goto(twostep.appUrl(`/control?lang=${lang}`));
    const places = placesPanel(control, lang);
    const row = places.getByRole('row').filter({ hasText: 'iCloud.com' }).filter({ hasText: DEMO.appleId });
    await expect(row).toBeVisible();
    await expect(row).toContainText(t(lang, 'places.control.idle'));
    await shot(testInfo, places, lang, 'control-places', true);
    await row.getByRole('button', { name: t(lang, 'places.control.endSession', { appleId: DEMO.appleId, place: 'iCloud.com' }) }).click();
    await expect(places).toContainText(t(lang, 'places.control.browsersNone'));
    await page.bringToFront();
    await page.goto(`${twostep.origin}/icloud`);
    await expect(page.getByRole('heading', { name: t(lang, 'places.icloudWeb.signInTitle') })).toBeVisible();
  });
}

for (const lang of ['en', 'ja'] as const satisfies readonly Lang[]) {
  test(`iCloud.com (${lang}) refuses an app-specific password in the words of a wrong password, and answers an unknown address with its own 404`, async ({ twostep, page }, testInfo) => {
    await signInViaApi(page, twostep);
    const created = await siteCall<{ password: string }>(page.request, twostep, 'createAppPassword', { label: 'Tern Mail' });
    await page.goto(`${twostep.origin}/icloud?lang=${lang}`);
    await icloudPassword(page, lang, created.value.password, true);
    await expect(page.getByRole('alert')).toHaveText(t(lang, 'errors.INCORRECT'));
    await expect(page.getByLabel(t(lang, 'places.icloudWeb.password'), { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await shot(testInfo, page, lang, 'icloud-web-app-password-refused');

    const missing = await page.goto(`${twostep.origin}/icloud/nowhere`);
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: t(lang, 'notFound.title') })).toBeVisible();
    await expect(page.getByText(t(lang, 'places.icloudWeb.notFound'))).toBeVisible();
  });
}

test('the control center opens iCloud.com in a tab of its own, beside My Apple ID; Sign Out of All Browsers signs every iCloud.com browser out', async ({ twostep, page }) => {
  await page.goto(twostep.appUrl('/control?lang=en'));
  const icloud = await openPlacesTab(page, twostep, 'icloud-web', 'en', page);
  await expect(icloud).toHaveURL(/\/icloud\?lang=en$/);
  await expect(icloud.getByRole('heading', { name: 'Sign in to iCloud' })).toBeVisible();
  const iphone = await openIPhone(page, twostep, 'en');
  await icloud.bringToFront();
  await icloudPassword(icloud, 'en', DEMO.password, true);
  await icloudCode(icloud, iphone, 'en');
  await expectICloudHome(icloud, 'en');

  // My Apple ID still asks for its own sign-in: iCloud.com's session is no My Apple ID session.
  await icloud.goto(`${twostep.origin}/account`);
  await expect(icloud.getByRole('heading', { name: 'Manage your Apple ID' })).toBeVisible();
  await expect(icloud.getByLabel('Apple ID', { exact: true })).toBeVisible();

  await icloud.goto(`${twostep.origin}/icloud/settings`);
  await icloud.getByRole('button', { name: t('en', 'places.icloudWeb.settings.signOutAll') }).click();
  const dialog = icloud.getByRole('alertdialog', { name: t('en', 'places.icloudWeb.settings.signOutAllTitle') });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: t('en', 'places.icloudWeb.settings.signOutAllConfirm'), exact: true }).click();
  await expect(icloud.getByRole('heading', { name: 'Sign in to iCloud' })).toBeVisible();
  await expect(icloud.getByRole('status')).toHaveText(t('en', 'places.icloudWeb.signedOutNotice'));
});
