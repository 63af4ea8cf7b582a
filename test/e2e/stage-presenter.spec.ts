import type { Page } from '@playwright/test';
import { t, type Lang } from './catalog.js';
import { expect, test, type TwoStep } from './fixtures.js';
import { accountSiteTab, DEMO, readCodeFromIPhone } from './helpers.js';
import { coach, controlPanel, dockButton, expectCoachStep, macWindow, openStage, signInMac, stageIPhone } from './stage.js';

/**
 * What a presenter does on the stage between the steps of the flow: open windows again and again,
 * reset and start over, change the language, skip ahead in time — and what an audience must
 * never see go wrong while they do.
 */

const en = (key: string, params?: Record<string, string | number>) => t('en', key, params);

/** My Apple ID signed in up to "enter the code", in a tab of its own (as the presenter's browser has it). */
async function siteUpToTheCode(page: Page, twostep: TwoStep, lang: Lang): Promise<Page> {
  const site = await page.context().newPage();
  await site.goto(`${twostep.origin}/sign-in`);
  await site.getByLabel(t(lang, 'signIn.appleId'), { exact: true }).fill(DEMO.appleId);
  await site.getByLabel(t(lang, 'signIn.password'), { exact: true }).fill(DEMO.password);
  await site.getByRole('button', { name: t(lang, 'signIn.submit'), exact: true }).click();
  await site.getByRole('radio', { name: /Taro's iPhone|太郎の iPhone/ }).check();
  await site.getByRole('button', { name: t(lang, 'common.continue'), exact: true }).click();
  await expect(site.getByLabel(t(lang, 'verify.code'))).toBeVisible();
  return site;
}

test('Open never reloads a window nor loses what was typed in it: the Dock and the control center only bring it to front', async ({ twostep, page }) => {
  await openStage(page, twostep, 'en');
  // Marks this page: a reload would take the mark away.
  await page.evaluate(() => ((window as { stageMark?: number }).stageMark = 1));
  await dockButton(page, 'en', 'messages').click();
  const messages = macWindow(page, 'en', 'messages');
  await messages.getByLabel('Apple ID', { exact: true }).fill('typed-before@twostep.example');
  await messages.getByLabel('Password', { exact: true }).fill('half-typed');

  // FaceTime in front, then Messages again by the Dock, by the control center, and by the Dock once more.
  await dockButton(page, 'en', 'facetime').click();
  await expect(macWindow(page, 'en', 'facetime').getByLabel('Apple ID', { exact: true })).toBeFocused();
  await dockButton(page, 'en', 'messages').click();
  await controlPanel(page, 'en').getByRole('button', { name: en('control.windows.messages'), exact: true }).click();
  await dockButton(page, 'en', 'messages').click();

  await expect(messages.getByLabel('Apple ID', { exact: true })).toHaveValue('typed-before@twostep.example');
  await expect(messages.getByLabel('Password', { exact: true })).toHaveValue('half-typed');
  // In front, with the keyboard where it was left.
  await expect(messages.getByLabel('Password', { exact: true })).toBeFocused();
  const zOf = (app: 'messages' | 'facetime') => page.locator(`[data-window="${app}"]`).evaluate((element) => Number(getComputedStyle(element).zIndex));
  expect(await zOf('messages')).toBeGreaterThan(await zOf('facetime'));
  expect(await page.evaluate(() => (window as { stageMark?: number }).stageMark)).toBe(1);
  expect(page.context().pages()).toHaveLength(1);

  // The sheet survives being sent behind and brought back too.
  await messages.getByLabel('Apple ID', { exact: true }).fill(DEMO.appleId);
  await messages.getByLabel('Password', { exact: true }).fill(DEMO.password);
  await messages.getByRole('button', { name: 'Sign In', exact: true }).click();
  const sheet = page.getByRole('alertdialog', { name: en('clientApps.sheet.title') });
  await expect(sheet).toBeVisible();
  await dockButton(page, 'en', 'facetime').click();
  // The sheet is modal to Messages only: FaceTime takes typing meanwhile.
  await macWindow(page, 'en', 'facetime').getByLabel('Apple ID', { exact: true }).fill('still@usable.example');
  await controlPanel(page, 'en').getByRole('button', { name: en('control.windows.messages'), exact: true }).click();
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('button', { name: 'Create', exact: true })).toBeFocused();
});

test('Create twice uses one My Apple ID tab: the second time that tab shows the page, and the window says so', async ({ twostep, page }) => {
  await openStage(page, twostep, 'en');
  await dockButton(page, 'en', 'messages').click();
  const messages = macWindow(page, 'en', 'messages');
  await signInMac(messages, 'en', DEMO.appleId, DEMO.password);
  const sheet = page.getByRole('alertdialog', { name: en('clientApps.sheet.title') });
  const [popup] = await Promise.all([page.waitForEvent('popup'), sheet.getByRole('button', { name: 'Create', exact: true }).click()]);
  const site = await accountSiteTab(popup, twostep);
  await expect(site.getByRole('heading', { level: 1, name: en('signIn.title') })).toBeVisible();
  // The tab moves on meanwhile (the presenter looks at another page)…
  await site.getByRole('link', { name: en('nav.reset') }).click();
  await expect(site.getByRole('heading', { level: 1, name: en('unlock.title') })).toBeVisible();

  // …and Create again brings it back to the generate page, in the same tab.
  await messages.getByLabel('Password', { exact: true }).fill(DEMO.password);
  await messages.getByRole('button', { name: 'Sign In', exact: true }).click();
  await sheet.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(messages.getByRole('status')).toHaveText(en('clientApps.siteReused'));
  await expect(site.getByRole('heading', { level: 1, name: en('signIn.title') })).toBeVisible();
  await site.getByLabel('Apple ID', { exact: true }).fill(DEMO.appleId);
  await site.getByLabel('Password', { exact: true }).fill(DEMO.password);
  await site.getByRole('button', { name: 'Sign In', exact: true }).click();
  await site.getByRole('radio', { name: /Taro's iPhone|太郎の iPhone/ }).check();
  await site.getByRole('button', { name: 'Continue', exact: true }).click();
  await site.getByLabel(en('verify.code')).fill(await readCodeFromIPhone(stageIPhone(page, 'en')));
  await site.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(site.getByLabel(en('generate.label'), { exact: true })).toHaveValue(en('clientApps.sheet.label'));
  expect(page.context().pages()).toHaveLength(2);
});

test('Reset & Restart clears every window, the iPhone, the tour and the clock; the open My Apple ID tab goes back to signing in', async ({ twostep, page }) => {
  await openStage(page, twostep, 'en');
  const panel = controlPanel(page, 'en');
  await panel.getByRole('button', { name: en('tour.start'), exact: true }).click();

  // Messages with an error, FaceTime with something typed, a code on the iPhone, the clock skipped, the tour moved on.
  await dockButton(page, 'en', 'messages').click();
  const messages = macWindow(page, 'en', 'messages');
  await signInMac(messages, 'en', DEMO.appleId, 'not-the-password');
  await expect(messages.getByRole('alert')).toHaveText(en('errors.INCORRECT'));
  await dockButton(page, 'en', 'facetime').click();
  await macWindow(page, 'en', 'facetime').getByLabel('Apple ID', { exact: true }).fill('left@behind.example');
  const site = await siteUpToTheCode(page, twostep, 'en');
  await readCodeFromIPhone(stageIPhone(page, 'en'));
  await panel.getByRole('button', { name: en('control.presenter.skip', { minutes: 10 }), exact: true }).click();
  await expect(page.getByRole('banner')).toContainText(t('en', 'stage.skipped', { ahead: '10 min' }));
  await expect(coach(page)).not.toContainText(en('tour.progress', { n: 1, total: 10 }));

  await panel.getByRole('button', { name: en('control.scenarios.resetDemo'), exact: true }).click();
  await page.getByRole('alertdialog', { name: en('control.reset.title') }).getByRole('button', { name: en('control.reset.confirm'), exact: true }).click();

  // Every window closed; the iPhone's lock screen empty, the clock real again, the tour at its first step.
  await expect(messages).toBeHidden();
  await expect(macWindow(page, 'en', 'facetime')).toBeHidden();
  await expect(stageIPhone(page, 'en')).toContainText(en('device.empty'));
  await expect(page.getByRole('banner')).not.toContainText(t('en', 'stage.skipped', { ahead: '10 min' }));
  await expect(panel).toContainText(en('control.presenter.realTime'));
  await expectCoachStep(page, 'en', 1, 'openMessages');
  // Opened again, each window is as it first was.
  await dockButton(page, 'en', 'messages').click();
  await expect(messages.getByLabel('Apple ID', { exact: true })).toHaveValue('');
  await expect(messages.getByRole('alert')).toHaveCount(0);
  await dockButton(page, 'en', 'facetime').click();
  await expect(macWindow(page, 'en', 'facetime').getByLabel('Apple ID', { exact: true })).toHaveValue('');
  // My Apple ID, open in the browser, starts over too.
  await expect(site.getByRole('heading', { level: 1, name: en('signIn.title') })).toBeVisible();
  await expect(site.getByRole('complementary', { name: en('tour.heading') })).toContainText(en('tour.steps.signIn.title'));
});

test("a language chosen on the stage reaches My Apple ID's open tab and the app pages; one chosen there comes back", async ({ twostep, page }) => {
  await openStage(page, twostep, 'en');
  const site = await page.context().newPage();
  await site.goto(`${twostep.origin}/sign-in`);
  await expect(site.getByRole('heading', { level: 1, name: 'Manage your Apple ID' })).toBeVisible();
  const mailPage = await page.context().newPage();
  await mailPage.goto(twostep.appUrl('/mail'));
  await expect(mailPage.getByRole('button', { name: 'Sign In', exact: true })).toBeVisible();

  await page.bringToFront();
  await page.getByRole('banner').getByRole('button', { name: '日本語' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(dockButton(page, 'ja', 'messages')).toBeVisible();
  await expect(site.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(site.getByRole('heading', { level: 1, name: t('ja', 'signIn.title') })).toBeVisible();
  await expect(mailPage.getByRole('button', { name: t('ja', 'clientApps.signIn'), exact: true })).toBeVisible();

  // The site's own switch changes it back everywhere.
  await site.bringToFront();
  await site.getByRole('contentinfo').getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(dockButton(page, 'en', 'messages')).toBeVisible();
  await expect(mailPage.getByRole('button', { name: 'Sign In', exact: true })).toBeVisible();
  // A page opened afterwards starts in it.
  const iphonePage = await page.context().newPage();
  await iphonePage.goto(twostep.appUrl('/iphone'));
  await expect(iphonePage.locator('html')).toHaveAttribute('lang', 'en');
});

test('the presenter clock: skipping 10 minutes expires the code on the iPhone and at My Apple ID; a new code replaces the old one, greyed as replaced', async ({ twostep, page }) => {
  await openStage(page, twostep, 'en');
  const site = await siteUpToTheCode(page, twostep, 'en');
  const iphone = stageIPhone(page, 'en');
  const code = await readCodeFromIPhone(iphone);
  const newest = iphone.getByRole('listitem').first();
  await expect(newest).not.toContainText(en('device.expired'));

  await page.bringToFront();
  const panel = controlPanel(page, 'en');
  await panel.getByRole('button', { name: en('control.presenter.skip', { minutes: 10 }), exact: true }).click();
  await expect(panel.getByRole('status').filter({ hasText: /10 minutes ahead/ })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('+10 min');
  await expect(newest).toContainText(en('device.expired'));

  await site.bringToFront();
  await site.getByLabel(en('verify.code')).fill(code);
  await site.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(site.getByRole('alert')).toHaveText(en('errors.CODE_EXPIRED'));

  // A new code; then another: the one before is replaced, greyed, and says so.
  await site.getByRole('button', { name: en('verify.sendNew') }).click();
  const second = await readCodeFromIPhone(iphone, [code]);
  // Codes are sent at most every 30 seconds: the test's own clock moves on that far.
  await twostep.advanceClock(30_000);
  await site.getByRole('button', { name: en('verify.sendNew') }).click();
  const third = await readCodeFromIPhone(iphone, [code, second]);
  const replaced = iphone.getByRole('listitem').filter({ hasText: second });
  await expect(replaced).toContainText(en('device.replaced'));
  await expect(iphone.getByRole('listitem').first()).not.toContainText(en('device.replaced'));
  await site.getByLabel(en('verify.code')).fill(third);
  await site.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(site.getByRole('heading', { level: 1, name: en('account.title') })).toBeVisible();
});

test('Replace Lost Key on Password and Security: a new key, shown once; the old one no longer unlocks', async ({ twostep, page }) => {
  const iphonePage = await page.context().newPage();
  await iphonePage.goto(twostep.appUrl('/iphone?lang=en'));
  const site = await siteUpToTheCode(page, twostep, 'en');
  await site.getByLabel(en('verify.code')).fill(await readCodeFromIPhone(iphonePage));
  await site.getByRole('button', { name: 'Continue', exact: true }).click();
  await site.getByRole('navigation', { name: en('account.sections') }).getByRole('link', { name: en('account.security'), exact: true }).click();
  await site.getByRole('button', { name: en('account.replaceLostKey') }).click();
  const dialog = site.getByRole('alertdialog', { name: en('account.replaceKeyTitle') });
  await dialog.getByLabel(en('stepUp.password')).fill(DEMO.password);
  await dialog.getByRole('button', { name: en('account.replaceKey'), exact: true }).click();
  const key = (await site.locator('.once-box__secret').textContent())!;
  expect(key).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){2}-[A-Z0-9]{2}$/);

  // The old key (the demo's documented one) is refused; the new one is taken.
  await site.goto(`${twostep.origin}/unlock`);
  await site.getByLabel('Apple ID', { exact: true }).fill(DEMO.appleId);
  await site.getByLabel(en('verify.recoveryKey'), { exact: true }).fill('TWOS-TEPD-EMOK-EY');
  await site.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(site.getByRole('alert').filter({ hasText: /\S/ })).toHaveText(en('errors.RECOVERY_KEY_INCORRECT'));
  await site.getByLabel(en('verify.recoveryKey'), { exact: true }).fill(key);
  await site.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(site.getByRole('radio', { name: /Taro's iPhone|太郎の iPhone/ })).toBeVisible();
});
