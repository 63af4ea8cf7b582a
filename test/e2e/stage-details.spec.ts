import type { Page } from '@playwright/test';
import { t, type Lang } from './catalog.js';
import { expect, test, type TwoStep } from './fixtures.js';
import { appCall, DEMO, expectTernMailConnected, readCodeFromIPhone, signInTernMail, signInViaApi, siteCall } from './helpers.js';
import { atEveryScreen, boxOf, describeBox, drawnFontSize, openPanel, setLargeType, settled, within } from './presenting.js';
import { dockButton, macWindow, openStage, stageIPhone } from './stage.js';

/**
 * The smaller things a presenter trips over: a pasted code with a space, Enter that does
 * nothing after a step, a used code that looks current, a reset that leaves an error behind,
 * two scenarios that read alike, a Sign In button pushed out of its window, the Mac's menu bar
 * without its menus, and an iPhone clock that says "PM" as iOS 8 never did.
 */

/** My Apple ID in a tab of its own, signed in up to the code boxes. */
async function siteAtTheCode(page: Page, twostep: TwoStep, lang: Lang): Promise<Page> {
  const site = await page.context().newPage();
  await site.goto(`${twostep.origin}/sign-in`);
  await site.getByLabel(t(lang, 'signIn.appleId'), { exact: true }).fill(DEMO.appleId);
  await site.getByLabel(t(lang, 'signIn.password'), { exact: true }).fill(DEMO.password);
  await site.getByRole('button', { name: t(lang, 'signIn.submit'), exact: true }).click();
  await site.getByRole('button', { name: t(lang, 'common.continue'), exact: true }).click();
  await expect(site.getByLabel(t(lang, 'verify.code'))).toBeVisible();
  return site;
}

test('a code pasted with a space before it (" 0981") is trimmed, then put in the boxes: no digit lost', async ({ twostep, page, context }, testInfo) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: twostep.origin });
  const site = await siteAtTheCode(page, twostep, 'en');
  const field = site.getByLabel(t('en', 'verify.code'));
  await site.evaluate(() => navigator.clipboard.writeText(' 0981'));
  await field.focus();
  await site.keyboard.press('ControlOrMeta+V');
  await expect(field).toHaveValue('0981');
  await expect(site.locator('.code-boxes__box')).toHaveText(['0', '9', '8', '1']);
  await site.evaluate(() => navigator.clipboard.writeText('12 34\n'));
  await field.fill('');
  await site.keyboard.press('ControlOrMeta+V');
  await expect(field).toHaveValue('1234');
  await atEveryScreen(site, twostep, testInfo, 'pasted-code', async () => expect(site.locator('.code-boxes__box')).toHaveText(['1', '2', '3', '4']));
});

test("after each step of My Apple ID the keyboard is on the step's field or its default button: Enter goes on", async ({ twostep, page }, testInfo) => {
  const lang: Lang = 'en';
  const iphone = await page.context().newPage();
  await iphone.goto(twostep.appUrl('/iphone?lang=en'));
  const site = await page.context().newPage();
  await site.goto(`${twostep.origin}/account/app-passwords/new?label=Mail`);
  // Signing in: the Apple ID field.
  await expect(site.getByLabel(t(lang, 'signIn.appleId'), { exact: true })).toBeFocused();
  await site.keyboard.type(DEMO.appleId);
  await site.keyboard.press('Tab');
  await site.keyboard.type(DEMO.password);
  await site.keyboard.press('Enter');
  // Verify your identity: the chosen device, and Enter sends the code.
  await expect(site.getByRole('radio', { checked: true })).toBeFocused();
  await site.keyboard.press('Enter');
  const code = site.getByLabel(t(lang, 'verify.code'));
  await expect(code).toBeFocused();
  await site.keyboard.type(await readCodeFromIPhone(iphone));
  await site.keyboard.press('Enter');
  // The generate page, its label filled in: Enter creates.
  const label = site.getByLabel(t(lang, 'generate.label'), { exact: true });
  await expect(label).toHaveValue('Mail');
  await expect(label).toBeFocused();
  await site.keyboard.press('Enter');
  // The password, shown once: the keyboard is on Copy.
  await expect(site.getByRole('button', { name: t(lang, 'generate.copy'), exact: true })).toBeFocused();
  await atEveryScreen(site, twostep, testInfo, 'created-copy-focused');
});

test('a code that was used is greyed on the iPhone and says "used"; the next one is not', async ({ twostep, page }, testInfo) => {
  await openStage(page, twostep, 'en');
  const site = await siteAtTheCode(page, twostep, 'en');
  const iphone = stageIPhone(page, 'en');
  const code = await readCodeFromIPhone(iphone);
  await site.getByLabel(t('en', 'verify.code')).fill(code);
  await site.getByRole('button', { name: t('en', 'common.continue'), exact: true }).click();
  await expect(site.getByRole('heading', { level: 1, name: t('en', 'account.title') })).toBeVisible();
  const used = iphone.getByRole('listitem').filter({ hasText: code });
  await expect(used).toHaveClass(/banner--void/);
  await expect(used).toContainText(t('en', 'device.used'));
  // A new sign-in's code (My Apple ID from another browser, through its API) is current.
  await site.close();
  const started = await siteCall<{ verificationId: string; devices: { id: number }[] }>(page.request, twostep, 'signIn', DEMO);
  await siteCall(page.request, twostep, 'sendCode', { verificationId: started.value.verificationId, deviceId: started.value.devices[0]!.id });
  const fresh = await readCodeFromIPhone(iphone, [code]);
  const current = iphone.getByRole('listitem').filter({ hasText: fresh });
  await expect(current).not.toContainText(t('en', 'device.used'));
  await expect(current).not.toHaveClass(/banner--void/);
  await page.bringToFront();
  await atEveryScreen(page, twostep, testInfo, 'used-code', async (_size, lang) => {
    await expect(stageIPhone(page, lang).getByRole('listitem').filter({ hasText: code })).toContainText(t(lang, 'device.used'));
  });
});

test('after Reset & Restart, Tern Mail starts clean: no red "the demo was reset" left behind', async ({ twostep, page }, testInfo) => {
  await openStage(page, twostep, 'en');
  await signInViaApi(page, twostep);
  const password = (await siteCall<{ password: string }>(page.request, twostep, 'createAppPassword', { label: 'Mail' })).value.password;
  await dockButton(page, 'en', 'mail').click();
  const mail = macWindow(page, 'en', 'mail');
  await signInTernMail(mail, 'en', password);
  await expectTernMailConnected(mail, 'en');
  const panel = await openPanel(page, 'en');
  await panel.getByRole('button', { name: t('en', 'control.scenarios.resetDemo'), exact: true }).click();
  await page.getByRole('alertdialog', { name: t('en', 'control.reset.title') }).getByRole('button', { name: t('en', 'control.reset.confirm'), exact: true }).click();
  await expect(mail).toBeHidden();
  await dockButton(page, 'en', 'mail').click();
  await expect(mail.getByRole('button', { name: t('en', 'mailApp.signIn'), exact: true })).toBeVisible();
  await expect(mail.getByRole('alert')).toHaveCount(0);
  await expect(mail).not.toContainText('reset');
  await atEveryScreen(page, twostep, testInfo, 'tern-mail-after-reset', async (_size, lang) => {
    await expect(macWindow(page, lang, 'mail').getByRole('alert')).toHaveCount(0);
  });
});

test('Software Update and SIM Swap each say which device, and what each signs out — and do exactly that', async ({ twostep, page }, testInfo) => {
  test.setTimeout(120_000);
  await openStage(page, twostep, 'en');
  await signInViaApi(page, twostep);
  const made = async (label: string) => (await siteCall<{ password: string }>(page.request, twostep, 'createAppPassword', { label })).value.password;
  const forMessages = await made('iMessage and FaceTime');
  await dockButton(page, 'en', 'mail').click();
  const mail = macWindow(page, 'en', 'mail');
  await signInTernMail(mail, 'en', await made('Mail'));
  await expectTernMailConnected(mail, 'en');
  const panel = await openPanel(page, 'en');
  const scenarios = panel.getByRole('region', { name: t('en', 'control.scenarios.heading') });
  const update = scenarios.getByRole('button', { name: /Software Update/ });
  const swap = scenarios.getByRole('button', { name: /SIM Swap/ });
  // Each names its device…
  await expect(update).toContainText('this Mac');
  await expect(swap).toContainText("Taro's iPhone");
  const help = async (button: typeof update) => page.locator(`#${await button.getAttribute('aria-describedby')}`).innerText();
  expect(await help(update)).toContain('this Mac');
  expect(await help(swap)).toContain("Taro's iPhone");
  // …and says the same thing in different words only where the two differ.
  expect(await help(update)).not.toEqual((await help(swap)).replace("Taro's iPhone", 'this Mac'));

  for (const scenario of [update, swap]) {
    expect((await appCall(page.request, twostep, 'clientSignIn', { clientKind: 'messages', appleId: DEMO.appleId, password: forMessages })).ok).toBe(true);
    await scenario.click();
    const status = scenarios.getByRole('status');
    await expect(status).toContainText(t('en', 'control.apps.messages'));
    await expect(status).not.toContainText('Tern Mail');
    await expectTernMailConnected(mail, 'en');
  }
  await atEveryScreen(page, twostep, testInfo, 'scenarios', async (_size, lang) => {
    const region = page.getByRole('complementary', { name: t(lang, 'control.title'), exact: true }).getByRole('region', { name: t(lang, 'control.scenarios.heading') });
    await expect(region.getByRole('button', { name: t(lang, 'control.scenarios.simSwap'), exact: true })).toContainText(t(lang, 'demo.iphone'));
    await expect(region.getByRole('status')).toContainText(t(lang, 'control.apps.messages'));
  });
});

test("with the teaching hint on, Tern Mail's Sign In stays inside its window, at every size, with and without Large type", async ({ twostep, page }, testInfo) => {
  test.setTimeout(180_000);
  await openStage(page, twostep, 'en');
  await dockButton(page, 'en', 'mail').click();
  const mail = macWindow(page, 'en', 'mail');
  await mail.getByLabel(t('en', 'mailApp.hint.setting')).check();
  await signInTernMail(mail, 'en', DEMO.password);
  await expect(mail.getByRole('alert')).toContainText(t('en', 'mailApp.incorrect', { appleId: DEMO.appleId }));
  for (const large of [false, true]) {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await setLargeType(page, 'en', large);
    await atEveryScreen(page, twostep, testInfo, `teaching-hint${large ? '-large-type' : ''}`, async (size, lang) => {
      const window = macWindow(page, lang, 'mail');
      const signIn = window.getByRole('button', { name: t(lang, 'mailApp.signIn'), exact: true });
      await expect(window.getByRole('complementary', { name: t(lang, 'mailApp.hint.title') })).toBeVisible();
      const content = await boxOf(window.locator('.mac-window__content'));
      const button = await boxOf(signIn);
      expect(within(button, content), `${size.width}×${size.height} ${lang}: Sign In (${describeBox(button)}) is outside Tern Mail's window (${describeBox(content)})`).toBe(true);
    });
  }
});

test("the menu bar: TwoStep's own mark where the Apple menu would be (no Apple logo), and the app's menus, which work", async ({ twostep, page }, testInfo) => {
  await openStage(page, twostep, 'en');
  await expect(page.getByRole('banner').getByRole('menubar')).toHaveCount(1);
  const bar = page.getByRole('menubar', { name: t('en', 'stage.menuBar') });
  // The mark is a drawing of TwoStep's, not a character: no U+F8FF (Apple's logo in Apple's fonts) anywhere.
  const mark = bar.getByRole('menuitem', { name: t('en', 'stage.menu.twostep') });
  await expect(mark.locator('svg')).toHaveCount(1);
  expect(await page.evaluate(() => document.body.innerText.includes('\uF8FF'))).toBe(false);
  const markBox = await boxOf(mark);
  expect(markBox.x).toBeLessThan(40);

  await dockButton(page, 'en', 'messages').click();
  for (const menu of ['clientApps.messages.name', 'stage.menu.file', 'stage.menu.edit', 'stage.menu.view', 'stage.menu.buddies', 'stage.menu.window', 'stage.menu.help']) {
    await expect(bar.getByRole('menuitem', { name: t('en', menu), exact: true })).toBeVisible();
  }
  await bar.getByRole('menuitem', { name: t('en', 'stage.menu.file'), exact: true }).click();
  const file = page.getByRole('menu', { name: t('en', 'stage.menu.file') });
  await expect(file).toBeVisible();
  await atEveryScreen(page, twostep, testInfo, 'file-menu-open', async (_size, lang) => {
    await expect(page.getByRole('menu', { name: t(lang, 'stage.menu.file') })).toBeVisible();
  });
  await page.getByRole('menu').getByRole('menuitem', { name: new RegExp(t('en', 'stage.menu.closeWindow')) }).click();
  await expect(macWindow(page, 'en', 'messages')).toBeHidden();
  // The keyboard opens the menus too: the mark's menu, then → to the next.
  await mark.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu', { name: t('en', 'stage.menu.twostep') })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
});

test('the lock screen clock reads "3:14", not "3:14 PM", as iOS 8 and 9 showed it', async ({ twostep, page }, testInfo) => {
  await openStage(page, twostep, 'en');
  await atEveryScreen(page, twostep, testInfo, 'lock-screen-clock', async () => {
    await expect(page.locator('[data-coach="iphone"] .clock__time')).toHaveText(/^\d{1,2}:\d{2}$/);
  });
  const own = await page.context().newPage();
  await own.goto(twostep.appUrl('/iphone?lang=en'));
  await expect(own.locator('.clock__time')).toHaveText(/^\d{1,2}:\d{2}$/);
});

test('Large type reaches the pages of their own too: the control center, the iPhone, the apps', async ({ twostep, page }, testInfo) => {
  await openStage(page, twostep, 'en');
  await setLargeType(page, 'en', true);
  const control = await page.context().newPage();
  await control.setViewportSize({ width: 1920, height: 1080 });
  await control.goto(twostep.appUrl('/control'));
  expect(await drawnFontSize(control.locator('.panel__intro').first())).toBeGreaterThanOrEqual(24);
  await settled(control);
  await atEveryScreen(control, twostep, testInfo, 'control-page-large-type', undefined, ['ja']);
});
