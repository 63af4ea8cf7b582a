import type { Locator, Page, TestInfo } from '@playwright/test';
import { t, type Lang } from './catalog.js';
import { expect, test, type TwoStep } from './fixtures.js';
import { answerOnIPhone, codeFromAlert, DEMO, openIPhone } from './helpers.js';
import { openPlacesTab, placesPanel, shot } from './places.js';
import { closePanelIfOver, openPanel } from './presenting.js';
import { dock, openStage, stageIPhone } from './stage.js';

/**
 * The App Store and Apple ID support under today's two-factor authentication (issue 19), in
 * English and Japanese. The demo account is switched in the control center's Then and now, as a
 * presenter does; then:
 *
 * - the App Store (a window on the stage): Get on an untrusted Mac → the Apple ID password →
 *   Taro's iPhone → the stage's iPhone asks "Apple ID Sign In Requested" for a Mac → Allow → the
 *   6-digit code in the store's sheet → the app is installed and the Mac trusted (a second Get,
 *   after signing out and in, asks no code). Don't Allow: the store's sheet says so in its own
 *   error display at once, with no further click, and nothing is bought or trusted;
 * - Apple ID support (a browser tab): the password, Taro's iPhone, Allow on the iPhone's page,
 *   the 6-digit code → the verified support page showing two-factor authentication. Don't Allow:
 *   the page says so at once and tells nothing about the account.
 *
 * The Don't Allow runs wait up to 30 s for the refusal without another click: the places learn of
 * it while they wait, as My Apple ID does (see two-factor-approval.spec.ts).
 */

const REFUSAL_SHOWN = 30_000;
const iphoneName = (lang: Lang) => t(lang, 'demo.iphone');
const requestAlert = (iphone: Page | Locator, lang: Lang) => iphone.getByRole('alertdialog', { name: t(lang, 'twoFactor.request.title'), exact: true });
const codeAlert = (iphone: Page | Locator, lang: Lang) => iphone.getByRole('alertdialog', { name: t(lang, 'twoFactor.code.title'), exact: true });

/** The iPhone asks, for the place that signs in: the map, what is signing in, and both answers. */
async function expectSignInRequested(iphone: Page | Locator, lang: Lang, place: 'mac' | 'web-browser'): Promise<void> {
  const request = requestAlert(iphone, lang);
  await expect(request).toBeVisible();
  await expect(request).toContainText(t(lang, 'twoFactor.request.body', { appleId: DEMO.appleId }));
  await expect(request.getByRole('img', { name: t(lang, 'twoFactor.request.map') })).toBeVisible();
  await expect(request).toContainText(t(lang, `twoFactor.request.places.${place}`));
  await expect(request.getByRole('button', { name: t(lang, 'twoFactor.request.deny'), exact: true })).toBeVisible();
  await expect(request.getByRole('button', { name: t(lang, 'twoFactor.request.allow'), exact: true })).toBeVisible();
}

/** The control center's Then and now (the stage's panel, or its own page): two-factor authentication. */
async function switchToTwoFactor(control: Page | Locator, lang: Lang): Promise<void> {
  const thenAndNow = control.getByRole('region', { name: t(lang, 'twoFactor.control.title'), exact: true });
  await thenAndNow.getByRole('button', { name: t(lang, 'twoFactor.control.toTwoFactor'), exact: true }).click();
  await expect(thenAndNow.getByRole('status')).toHaveText(t(lang, 'twoFactor.control.done', { level: t(lang, 'twoFactor.account.levels.two-factor') }));
}

// ---------------------------------------------------------------------------------------------
// The App Store

const storeWindow = (page: Page, lang: Lang) => page.getByRole('region', { name: t(lang, 'places.appStore.name'), exact: true });
const sheet = (page: Page) => page.getByRole('dialog');
const appButton = (store: Locator, lang: Lang, app: string, key: 'getApp' | 'installApp') =>
  store.getByRole('button', { name: t(lang, `places.appStore.${key}`, { app: t(lang, `places.appStore.apps.${app}.name`) }), exact: true });
const installed = (store: Locator, lang: Lang) => store.getByText(t(lang, 'places.appStore.installed'), { exact: true });

/** The stage at two-factor authentication (its panel's Then and now), with the App Store open from the Dock. */
async function twoFactorAppStore(page: Page, twostep: TwoStep, lang: Lang): Promise<Locator> {
  await openStage(page, twostep, lang);
  await switchToTwoFactor(await openPanel(page, lang), lang);
  await closePanelIfOver(page, lang);
  await dock(page, lang).getByRole('button', { name: t(lang, 'places.appStore.name'), exact: true }).click();
  const store = storeWindow(page, lang);
  await expect(store.getByRole('heading', { name: t(lang, 'places.appStore.featuredTitle') })).toBeVisible();
  return store;
}

/** Get, Install App, the Apple ID and password, Sign In. */
async function getWithPassword(page: Page, store: Locator, lang: Lang, app: string): Promise<void> {
  await appButton(store, lang, app, 'getApp').click();
  await appButton(store, lang, app, 'installApp').click();
  const dialog = sheet(page);
  await expect(dialog.getByRole('heading', { name: t(lang, 'places.appStore.signInSheet.title') })).toBeVisible();
  await dialog.getByLabel(t(lang, 'places.appStore.signInSheet.appleId'), { exact: true }).fill(DEMO.appleId);
  await dialog.getByLabel(t(lang, 'places.appStore.signInSheet.password'), { exact: true }).fill(DEMO.password);
  await dialog.getByRole('button', { name: t(lang, 'places.appStore.signInSheet.signIn'), exact: true }).click();
}

/** Verify Your Identity: Taro's iPhone, Send; the sheet then says the iPhone asks to allow this Mac, and wants its 6-digit code. */
async function sendToIPhone(page: Page, lang: Lang): Promise<void> {
  const dialog = sheet(page);
  await expect(dialog.getByRole('heading', { name: t(lang, 'places.appStore.verifySheet.title') })).toBeVisible();
  await dialog.getByRole('radio', { name: iphoneName(lang) }).check();
  await dialog.getByRole('button', { name: t(lang, 'places.appStore.verifySheet.send'), exact: true }).click();
  await expect(dialog.getByRole('heading', { name: t(lang, 'places.appStore.verifySheet.enterTitle') })).toBeVisible();
  await expect(dialog).toContainText(t(lang, 'places.appStore.verifySheet.askAllow', { length: 6, device: iphoneName(lang) }));
}

/** The control center's page: the App Store signed out and this Mac trusted by no Apple ID. */
async function expectMacNotTrusted(page: Page, twostep: TwoStep, lang: Lang, testInfo: TestInfo): Promise<void> {
  const control = await page.context().newPage();
  await control.goto(twostep.appUrl(`/control?lang=${lang}`));
  const places = placesPanel(control, lang);
  await expect(places).toContainText(t(lang, 'places.control.storeSignedOut'));
  await expect(places).toContainText(t(lang, 'places.control.trustedNone'));
  await shot(testInfo, places, lang, 'two-factor-app-store-denied-control');
  await control.close();
  await page.bringToFront();
}

for (const lang of ['en', 'ja'] as const satisfies readonly Lang[]) {
  test(`App Store, two-factor (${lang}): Get on a new Mac → password → Allow on the iPhone → the 6-digit code; installed, and the Mac trusted after`, async ({
    twostep,
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    const store = await twoFactorAppStore(page, twostep, lang);
    await getWithPassword(page, store, lang, 'tidewise');
    await sendToIPhone(page, lang);

    // The stage's iPhone asks first: a Mac is signing in.
    const iphone = stageIPhone(page, lang);
    await expectSignInRequested(iphone, lang, 'mac');
    // Nothing to type yet: the code comes only with Allow.
    await expect(iphone.getByRole('list', { name: /Notifications|通知/ }).getByText(/(?<!\d)\d{6}(?!\d)/)).toHaveCount(0);
    await shot(testInfo, page, lang, 'two-factor-app-store-request');

    await answerOnIPhone(iphone, 'allow');
    await expect(codeAlert(iphone, lang).getByText(/^\d{6}$/)).toBeVisible();
    await shot(testInfo, page, lang, 'two-factor-app-store-code');
    const code = await codeFromAlert(iphone);
    expect(code).toMatch(/^\d{6}$/);

    // The store heard the Allow: its sheet now says the code is on the iPhone.
    const dialog = sheet(page);
    await expect(dialog).toContainText(t(lang, 'places.appStore.verifySheet.allowed', { length: 6, device: iphoneName(lang) }));
    await dialog.getByLabel(t(lang, 'places.appStore.verifySheet.code'), { exact: true }).fill(code);
    await dialog.getByRole('button', { name: t(lang, 'places.appStore.verifySheet.verify'), exact: true }).click();
    await expect(sheet(page)).toHaveCount(0);
    await expect(installed(store, lang)).toHaveCount(1);
    await expect(store.getByText(t(lang, 'places.appStore.signedInAs', { appleId: DEMO.appleId }))).toBeVisible();
    await expect(store.getByText(t(lang, 'places.appStore.thisMacTrusted'))).toBeVisible();
    await shot(testInfo, page, lang, 'two-factor-app-store-installed');

    // Signed out and in again: this Mac is trusted now, so the password alone gets the next app.
    await store.getByRole('button', { name: t(lang, 'places.appStore.signOutLink'), exact: true }).click();
    await expect(store.getByRole('button', { name: t(lang, 'places.appStore.signInLink'), exact: true })).toBeVisible();
    const notifications = iphone.getByRole('list', { name: /Notifications|通知/ }).getByRole('listitem');
    const before = await notifications.count();
    await getWithPassword(page, store, lang, 'pebble-notes');
    await expect(sheet(page)).toHaveCount(0);
    await expect(installed(store, lang)).toHaveCount(2);
    // …and the iPhone was asked nothing, nor sent a code.
    await expect(requestAlert(iphone, lang)).toHaveCount(0);
    await expect(notifications).toHaveCount(before);
  });

  test(`App Store, two-factor (${lang}): Don't Allow on the iPhone — the store says so at once, and nothing is bought or trusted`, async ({ twostep, page }, testInfo) => {
    test.setTimeout(120_000);
    const store = await twoFactorAppStore(page, twostep, lang);
    await getWithPassword(page, store, lang, 'tidewise');
    await sendToIPhone(page, lang);
    const iphone = stageIPhone(page, lang);
    await expectSignInRequested(iphone, lang, 'mac');
    await answerOnIPhone(iphone, 'deny');
    // No code follows a Don't Allow.
    await expect(codeAlert(iphone, lang)).toHaveCount(0);

    // The store learns of it while it waits: its sheet says so, with no further click.
    await expect(sheet(page).getByRole('alert')).toHaveText(t(lang, 'errors.SIGN_IN_DENIED'), { timeout: REFUSAL_SHOWN });
    // Above it, no more asking for a tap on the iPhone: that request is over.
    await expect(sheet(page).getByText(t(lang, 'twoFactor.requestEnded', { device: iphoneName(lang) }), { exact: true })).toBeVisible();
    await shot(testInfo, page, lang, 'two-factor-app-store-denied', true);

    // Nothing was bought: the sheet put away, no install, the store signed out with nothing
    // purchased, Tidewise still to Get; and the Mac is trusted by no one.
    await sheet(page).getByRole('button', { name: t(lang, 'places.appStore.verifySheet.cancel'), exact: true }).click();
    await expect(sheet(page)).toHaveCount(0);
    await expect(installed(store, lang)).toHaveCount(0);
    await expect(appButton(store, lang, 'tidewise', 'getApp')).toBeVisible();
    await expect(store.getByText(t(lang, 'places.appStore.signedInAs', { appleId: DEMO.appleId }))).toHaveCount(0);
    await store.getByRole('tab', { name: t(lang, 'places.appStore.toolbar.purchased'), exact: true }).click();
    await expect(store.getByText(t(lang, 'places.appStore.purchasedSignedOut'))).toBeVisible();
    await expectMacNotTrusted(page, twostep, lang, testInfo);
  });
}

// ---------------------------------------------------------------------------------------------
// Apple ID support

/** What the support API answers this browser about the account: its status and error code. */
async function supportSession(page: Page, twostep: TwoStep): Promise<{ status: number; code: string | undefined }> {
  const response = await page.request.post(`${twostep.origin}/api/support/session`, { headers: { origin: twostep.origin, 'content-type': 'application/json' }, data: {} });
  return { status: response.status(), code: ((await response.json()) as { error?: { code: string } }).error?.code };
}

/**
 * The control center's page switches the demo account to two-factor; its five places open
 * support in a tab, and Taro's iPhone opens in another. Support is signed in up to the code,
 * sent to the iPhone.
 */
async function twoFactorSupportUpToCode(page: Page, twostep: TwoStep, lang: Lang, testInfo: TestInfo): Promise<{ tab: Page; iphone: Page }> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(twostep.appUrl(`/control?lang=${lang}`));
  await switchToTwoFactor(page, lang);
  const tab = await openPlacesTab(page, twostep, 'support', lang, page);
  const iphone = await openIPhone(page, twostep, lang);
  await tab.bringToFront();

  await expect(tab.getByRole('heading', { level: 1, name: t(lang, 'places.support.title') })).toBeVisible();
  await tab.getByRole('radio', { name: t(lang, 'places.support.topics.two-step') }).check();
  await tab.getByRole('button', { name: t(lang, 'common.continue'), exact: true }).click();
  await expect(tab.getByRole('heading', { level: 1, name: t(lang, 'places.support.signInTitle') })).toBeVisible();
  await tab.getByLabel(t(lang, 'signIn.appleId'), { exact: true }).fill(DEMO.appleId);
  await tab.getByLabel(t(lang, 'signIn.password'), { exact: true }).fill(DEMO.password);
  await tab.getByRole('button', { name: t(lang, 'signIn.submit'), exact: true }).click();

  await expect(tab.getByRole('heading', { level: 1, name: t(lang, 'verify.title') })).toBeVisible();
  await tab.getByRole('radio', { name: new RegExp(iphoneName(lang)) }).check();
  await tab.getByRole('button', { name: t(lang, 'common.continue'), exact: true }).click();
  // Taro's iPhone asks first; then its 6-digit code.
  await expect(tab.getByText(t(lang, 'twoFactor.site.askAllow', { length: 6, device: iphoneName(lang) }), { exact: true })).toBeVisible();
  await expect(tab.getByLabel(t(lang, 'verify.code'), { exact: true })).toBeVisible();
  expect(await supportSession(tab, twostep)).toEqual({ status: 401, code: 'NOT_SIGNED_IN' });

  await expectSignInRequested(iphone, lang, 'web-browser');
  await shot(testInfo, iphone, lang, 'two-factor-support-request');
  await shot(testInfo, tab, lang, 'two-factor-support-waiting');
  return { tab, iphone };
}

for (const lang of ['en', 'ja'] as const satisfies readonly Lang[]) {
  test(`Apple ID support, two-factor (${lang}): the password, Allow on the iPhone and its 6-digit code open the verified page`, async ({ twostep, page }, testInfo) => {
    test.setTimeout(90_000);
    const { tab, iphone } = await twoFactorSupportUpToCode(page, twostep, lang, testInfo);

    await iphone.bringToFront();
    await answerOnIPhone(iphone, 'allow');
    await expect(codeAlert(iphone, lang).getByText(/^\d{6}$/)).toBeVisible();
    const code = await codeFromAlert(iphone);
    expect(code).toMatch(/^\d{6}$/);

    // Support heard the Allow while it waited.
    await tab.bringToFront();
    await expect(tab.getByText(t(lang, 'twoFactor.site.allowed', { device: iphoneName(lang) }), { exact: true })).toBeVisible();
    await tab.getByLabel(t(lang, 'verify.code'), { exact: true }).fill(code);
    await shot(testInfo, tab, lang, 'two-factor-support-enter-code');
    await tab.getByRole('button', { name: t(lang, 'common.continue'), exact: true }).click();

    await expect(tab.getByRole('heading', { level: 1, name: t(lang, 'places.support.verifiedTitle') })).toBeVisible();
    await expect(tab.getByText(t(lang, 'places.support.verified', { appleId: DEMO.appleId }))).toBeVisible();
    const details = tab.getByRole('region', { name: t(lang, 'places.support.details') });
    await expect(details).toContainText(t(lang, 'demo.fullName'));
    await expect(details).toContainText(DEMO.appleId);
    await expect(details).toContainText(t(lang, 'places.support.levels.two-factor'));
    // What support can never do is said for today's level: no recovery key, account recovery's wait.
    await expect(details).toContainText(t(lang, 'places.support.cannot.two-factor'));
    await expect(details).toContainText(iphoneName(lang));
    await shot(testInfo, tab, lang, 'two-factor-support-verified');
  });

  test(`Apple ID support, two-factor (${lang}): Don't Allow on the iPhone — support says so at once and tells nothing of the account`, async ({ twostep, page }, testInfo) => {
    test.setTimeout(90_000);
    const { tab, iphone } = await twoFactorSupportUpToCode(page, twostep, lang, testInfo);

    await iphone.bringToFront();
    await answerOnIPhone(iphone, 'deny');
    await expect(codeAlert(iphone, lang)).toHaveCount(0);

    // Support learns of it while it waits: the refusal, with no further click.
    await tab.bringToFront();
    await expect(tab.getByRole('alert')).toHaveText(t(lang, 'errors.SIGN_IN_DENIED'), { timeout: REFUSAL_SHOWN });
    await expect(tab.getByText(t(lang, 'twoFactor.requestEnded', { device: iphoneName(lang) }), { exact: true })).toBeVisible();
    await shot(testInfo, tab, lang, 'two-factor-support-denied', true);
    await expect(tab.getByRole('heading', { level: 1, name: t(lang, 'verify.title') })).toBeVisible();
    await expect(tab.getByRole('heading', { level: 1, name: t(lang, 'places.support.verifiedTitle'), exact: true })).toHaveCount(0);
    await expect(tab.getByRole('region', { name: t(lang, 'places.support.details') })).toHaveCount(0);
    await expect(tab.getByText(t(lang, 'demo.fullName'))).toHaveCount(0);
    expect(await supportSession(tab, twostep)).toEqual({ status: 401, code: 'NOT_SIGNED_IN' });

    // Nothing more comes of that attempt: a code typed now is refused the same way.
    await tab.getByLabel(t(lang, 'verify.code'), { exact: true }).fill('123456');
    await tab.getByRole('button', { name: t(lang, 'common.continue'), exact: true }).click();
    await expect(tab.getByRole('alert')).toHaveText(t(lang, 'errors.SIGN_IN_DENIED'));
    expect(await supportSession(tab, twostep)).toEqual({ status: 401, code: 'NOT_SIGNED_IN' });
  });
}
