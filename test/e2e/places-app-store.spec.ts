import type { Locator, Page } from '@playwright/test';
import { t, type Lang } from './catalog.js';
import { expect, test } from './fixtures.js';
import { DEMO, readCodeFromIPhone } from './helpers.js';
import { placesPanel, shot } from './places.js';
import { dock, openStage, stageIPhone } from './stage.js';

/**
 * The App Store on a new Mac (issue 19), on the stage in both languages: Get on a Mac the Apple
 * ID does not trust yet asks for the password and then a code from Taro's iPhone; afterwards
 * the Mac is trusted and signing in asks for the password only; the scenario "New Mac" makes it
 * a new Mac again, and the code is asked for again.
 */

const storeWindow = (page: Page, lang: Lang) => page.getByRole('region', { name: t(lang, 'places.appStore.name'), exact: true });
const sheet = (page: Page) => page.getByRole('dialog');
const appButton = (store: Locator, lang: Lang, app: string, key: 'getApp' | 'installApp') =>
  store.getByRole('button', { name: t(lang, `places.appStore.${key}`, { app: t(lang, `places.appStore.apps.${app}.name`) }), exact: true });

/** Get, then Install App: the Mac App Store's two presses. */
async function getAndInstall(store: Locator, lang: Lang, app: string): Promise<void> {
  await appButton(store, lang, app, 'getApp').click();
  await appButton(store, lang, app, 'installApp').click();
}

async function signInSheet(page: Page, lang: Lang, password: string = DEMO.password): Promise<void> {
  const dialog = sheet(page);
  await expect(dialog.getByRole('heading', { name: t(lang, 'places.appStore.signInSheet.title') })).toBeVisible();
  await dialog.getByLabel(t(lang, 'places.appStore.signInSheet.appleId'), { exact: true }).fill(DEMO.appleId);
  await dialog.getByLabel(t(lang, 'places.appStore.signInSheet.password'), { exact: true }).fill(password);
}

/** Verify Your Identity: Taro's iPhone, Send, the code off the phone, Verify. */
async function verifySheets(page: Page, lang: Lang, testInfo?: Parameters<typeof shot>[0]): Promise<void> {
  const dialog = sheet(page);
  await expect(dialog.getByRole('heading', { name: t(lang, 'places.appStore.verifySheet.title') })).toBeVisible();
  await dialog.getByRole('radio', { name: t(lang, 'demo.iphone') }).check();
  if (testInfo) await shot(testInfo, page, lang, 'app-store-verify');
  await dialog.getByRole('button', { name: t(lang, 'places.appStore.verifySheet.send'), exact: true }).click();
  await expect(dialog.getByRole('heading', { name: t(lang, 'places.appStore.verifySheet.enterTitle') })).toBeVisible();
  await expect(dialog).toContainText(t(lang, 'demo.iphone'));
  const code = await readCodeFromIPhone(stageIPhone(page, lang));
  await dialog.getByLabel(t(lang, 'places.appStore.verifySheet.code'), { exact: true }).fill(code);
  if (testInfo) await shot(testInfo, page, lang, 'app-store-enter-code');
  await dialog.getByRole('button', { name: t(lang, 'places.appStore.verifySheet.verify'), exact: true }).click();
}

for (const lang of ['en', 'ja'] as const satisfies readonly Lang[]) {
  test(`App Store (${lang}): Get on a new Mac asks for the password, then a code; the Mac is trusted after; New Mac asks again`, async ({ twostep, page }, testInfo) => {
    test.setTimeout(120_000);
    await openStage(page, twostep, lang);
    await dock(page, lang).getByRole('button', { name: t(lang, 'places.appStore.name'), exact: true }).click();
    const store = storeWindow(page, lang);
    await expect(store.getByRole('heading', { name: t(lang, 'places.appStore.featuredTitle') })).toBeVisible();
    await expect(store.getByRole('button', { name: t(lang, 'places.appStore.signInLink'), exact: true })).toBeVisible();
    await shot(testInfo, page, lang, 'app-store');

    // Get → Install App → the sign-in sheet: the Apple ID and its password.
    await getAndInstall(store, lang, 'tidewise');
    await signInSheet(page, lang);
    await shot(testInfo, page, lang, 'app-store-sign-in');
    await sheet(page).getByRole('button', { name: t(lang, 'places.appStore.signInSheet.signIn'), exact: true }).click();
    // This Mac is new to the Apple ID: a code, as for a sign-in on the web.
    await verifySheets(page, lang, testInfo);
    await expect(sheet(page)).toHaveCount(0);
    await expect(store.getByText(t(lang, 'places.appStore.installed'), { exact: true })).toHaveCount(1);
    await expect(store.getByText(t(lang, 'places.appStore.signedInAs', { appleId: DEMO.appleId }))).toBeVisible();
    await expect(store.getByText(t(lang, 'places.appStore.thisMacTrusted'))).toBeVisible();
    await shot(testInfo, page, lang, 'app-store-installed', true);

    // Purchased lists it.
    await store.getByRole('tab', { name: t(lang, 'places.appStore.toolbar.purchased'), exact: true }).click();
    await expect(store.getByRole('heading', { name: t(lang, 'places.appStore.purchasedTitle') })).toBeVisible();
    await expect(store).toContainText(t(lang, 'places.appStore.apps.tidewise.name'));
    await shot(testInfo, page, lang, 'app-store-purchased');
    await store.getByRole('tab', { name: t(lang, 'places.appStore.toolbar.featured'), exact: true }).click();

    // Signed out and in again on this Mac, now trusted: the password only, and the next app installs.
    await store.getByRole('button', { name: t(lang, 'places.appStore.signOutLink'), exact: true }).click();
    await getAndInstall(store, lang, 'pebble-notes');
    await signInSheet(page, lang);
    await sheet(page).getByRole('button', { name: t(lang, 'places.appStore.signInSheet.signIn'), exact: true }).click();
    await expect(sheet(page)).toHaveCount(0);
    await expect(store.getByText(t(lang, 'places.appStore.installed'), { exact: true })).toHaveCount(2);

    // The control center says so, and its scenario New Mac makes this Mac a new one again.
    const control = await page.context().newPage();
    await control.goto(twostep.appUrl(`/control?lang=${lang}`));
    const places = placesPanel(control, lang);
    await expect(places).toContainText(DEMO.appleId);
    await control.getByRole('button', { name: t(lang, 'places.scenario.newMac'), exact: true }).click();
    await expect(control.getByText(t(lang, 'places.scenario.newMacDone'))).toBeVisible();
    await shot(testInfo, places, lang, 'control-places-new-mac');
    await control.close();

    // The store is signed out, the installs went with the old Mac; Get asks for the password and a code again.
    await page.bringToFront();
    await expect(store.getByRole('button', { name: t(lang, 'places.appStore.signInLink'), exact: true })).toBeVisible();
    await expect(store.getByText(t(lang, 'places.appStore.installed'), { exact: true })).toHaveCount(0);
    await getAndInstall(store, lang, 'kanji-cards');
    await signInSheet(page, lang);
    await sheet(page).getByRole('button', { name: t(lang, 'places.appStore.signInSheet.signIn'), exact: true }).click();
    await verifySheets(page, lang);
    await expect(store.getByText(t(lang, 'places.appStore.installed'), { exact: true })).toHaveCount(1);
  });

  test(`App Store (${lang}): an app-specific password is refused as a wrong password, and Cancel puts the sheet away`, async ({ twostep, page }) => {
    await openStage(page, twostep, lang);
    await dock(page, lang).getByRole('button', { name: t(lang, 'places.appStore.name'), exact: true }).click();
    const store = storeWindow(page, lang);
    await store.getByRole('button', { name: t(lang, 'places.appStore.signInLink'), exact: true }).click();
    await signInSheet(page, lang, 'abcd-efgh-ijkl-mnop');
    await sheet(page).getByRole('button', { name: t(lang, 'places.appStore.signInSheet.signIn'), exact: true }).click();
    await expect(sheet(page).getByRole('alert')).toHaveText(t(lang, 'errors.INCORRECT'));
    await expect(sheet(page).getByLabel(t(lang, 'places.appStore.signInSheet.password'), { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await page.keyboard.press('Escape');
    await expect(sheet(page)).toHaveCount(0);
    await expect(store.getByRole('button', { name: t(lang, 'places.appStore.signInLink'), exact: true })).toBeFocused();
  });
}
