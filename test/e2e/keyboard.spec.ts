import type { Locator, Page } from '@playwright/test';
import { t, type Lang } from './catalog.js';
import { expect, test } from './fixtures.js';
import { accountSiteTab, appTab, DEMO, openIPhone, readCodeFromIPhone } from './helpers.js';

/**
 * The seed's flow with the keyboard alone: Tab and Shift+Tab to move, Enter and Space to
 * press, the arrow keys in a radio group, Escape to cancel; text is typed into the focused
 * field. No click, no fill: a control that cannot be reached this way fails the test.
 * (Reading the iPhone's lock screen and the shown password is done with locators: a person
 * reads them with their eyes.)
 */

const isFocused = (target: Locator) => target.evaluate((element) => element === document.activeElement);

/** Presses Tab (or Shift+Tab) until `target` has focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, { back = false, max = 40 } = {}): Promise<void> {
  await expect(target).toBeVisible();
  for (let i = 0; i <= max; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${max} presses of ${back ? 'Shift+Tab' : 'Tab'} never reached ${target.toString()}`);
}

/** The focused element shows it: an outline or a focus ring (box-shadow), on it or on its label. */
async function expectVisibleFocus(page: Page, where: string): Promise<void> {
  const ring = await page.evaluate(() => {
    const focused = document.activeElement;
    if (!focused || focused === document.body) return { ok: false, what: 'nothing focused' };
    const shows = (element: Element) => {
      const style = getComputedStyle(element);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      return outline || style.boxShadow !== 'none';
    };
    const label = focused.closest('label');
    return { ok: shows(focused) || (label !== null && shows(label)), what: focused.outerHTML.slice(0, 120) };
  });
  expect(ring.ok, `no visible focus indicator at ${where}: ${ring.what}`).toBe(true);
}

/** Focus has stayed inside `container` (a dialog's trap). */
async function expectFocusInside(container: Locator): Promise<void> {
  expect(await container.evaluate((element) => element.contains(document.activeElement))).toBe(true);
}

const button = (page: Page | Locator, lang: Lang, key: string) => page.getByRole('button', { name: t(lang, key), exact: true });

test("the seed's flow with the keyboard alone", async ({ twostep, page, context }) => {
  const lang: Lang = 'en';
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: twostep.origin });

  // The control center opens Messages (Enter on its button).
  await page.goto(twostep.appUrl(`/control?lang=${lang}`));
  await tabTo(page, button(page, lang, 'control.windows.messages'));
  await expectVisibleFocus(page, 'the control center');
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('Enter')]);
  const messages = await appTab(popup, '/messages');

  // 1-2. The Apple ID and its normal password, Return to sign in.
  const appleIdField = messages.getByLabel(t(lang, 'clientApps.appleId'), { exact: true });
  const passwordField = messages.getByLabel(t(lang, 'clientApps.password'), { exact: true });
  await tabTo(messages, appleIdField);
  await expectVisibleFocus(messages, 'the Apple ID field of Messages');
  await messages.keyboard.type(DEMO.appleId);
  await messages.keyboard.press('Tab');
  await expect(passwordField).toBeFocused();
  await messages.keyboard.type(DEMO.password);
  await messages.keyboard.press('Enter');

  // 3. The sheet: focus lands on its default button, Tab stays inside, Escape cancels.
  const sheet = messages.getByRole('alertdialog', { name: t(lang, 'clientApps.sheet.title') });
  await expect(sheet).toBeVisible();
  await expect(button(sheet, lang, 'clientApps.create')).toBeFocused();
  await expectVisibleFocus(messages, "the sheet's Create button");
  for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab']) {
    await messages.keyboard.press(key);
    await expectFocusInside(sheet);
  }
  await messages.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
  await expect(passwordField).toBeFocused();

  // Again, and this time Return presses Create: My Apple ID opens at the generate page.
  await messages.keyboard.press('Enter');
  await expect(sheet).toBeVisible();
  await tabTo(messages, button(sheet, lang, 'clientApps.create'));
  const [popup2] = await Promise.all([messages.waitForEvent('popup'), messages.keyboard.press('Enter')]);
  const site = await accountSiteTab(popup2, twostep);

  // 5. My Apple ID: sign in, choose the iPhone with the arrow keys, type the code it shows.
  // Each step starts with the keyboard on its first field, so typing and Enter go on at once.
  await expect(site.getByLabel(t(lang, 'signIn.appleId'), { exact: true })).toBeFocused();
  await site.keyboard.type(DEMO.appleId);
  await site.keyboard.press('Tab');
  await expect(site.getByLabel(t(lang, 'signIn.password'), { exact: true })).toBeFocused();
  await site.keyboard.type(DEMO.password);
  await site.keyboard.press('Enter');

  const radios = site.getByRole('radio');
  await expect(radios.and(site.locator(':checked'))).toBeFocused();
  await expectVisibleFocus(site, 'the chosen device');
  // Down to the next device and back round to the iPhone, as a person looks through the list.
  await site.keyboard.press('ArrowDown');
  const iphoneRadio = site.getByRole('radio', { name: /Taro's iPhone|太郎の iPhone/ });
  for (let i = 0; i < 4 && !(await isFocused(iphoneRadio)); i++) await site.keyboard.press('ArrowDown');
  await expect(iphoneRadio).toBeFocused();
  await expect(iphoneRadio).toBeChecked();
  await site.keyboard.press('Tab');
  await expect(button(site, lang, 'common.continue')).toBeFocused();
  await expectVisibleFocus(site, 'Continue');
  await site.keyboard.press('Enter');

  const codeField = site.getByLabel(t(lang, 'verify.code'));
  await expect(codeField).toBeFocused();
  const iphone = await openIPhone(page, twostep, lang);
  const code = await readCodeFromIPhone(iphone);
  await iphone.close();
  await site.keyboard.type(code);
  await site.keyboard.press('Enter');

  // 6. Back at the generate page, the label filled in and focused: Enter creates; then the keyboard is on Copy.
  await expect(site.getByLabel(t(lang, 'generate.label'), { exact: true })).toHaveValue(t(lang, 'clientApps.sheet.label'));
  await expect(site.getByLabel(t(lang, 'generate.label'), { exact: true })).toBeFocused();
  await site.keyboard.press('Enter');
  await expect(site.getByRole('heading', { level: 1, name: t(lang, 'generate.createdTitle') })).toBeVisible();
  const password = (await site.getByText(/^[a-z]{4}(-[a-z]{4}){3}$/).textContent())!;
  await expect(button(site, lang, 'generate.copy')).toBeFocused();
  await expectVisibleFocus(site, 'Copy');
  await site.keyboard.press('Space');
  await expect(site.getByRole('status').filter({ hasText: t(lang, 'generate.copied') })).toBeVisible();
  expect(await site.evaluate(() => navigator.clipboard.readText())).toBe(password);

  // 7. Messages: the password field waits, focused; type the password and Return.
  await messages.bringToFront();
  await expect(passwordField).toBeFocused();
  await messages.keyboard.type(password);
  await messages.keyboard.press('Enter');
  await expect(messages.getByRole('status')).toContainText(t(lang, 'clientApps.signedIn.withAppPassword', { label: t(lang, 'clientApps.sheet.label') }));

  // 9. View History: Delete, the confirmation traps focus, Escape cancels, Enter confirms.
  await site.bringToFront();
  await tabTo(site, button(site, lang, 'common.done'));
  await site.keyboard.press('Enter');
  // Done leads to Password and Security, where View History is.
  await expect(site.getByRole('heading', { level: 1, name: t(lang, 'account.security') })).toBeFocused();
  await tabTo(site, site.getByRole('link', { name: t(lang, 'account.viewHistory') }));
  await expectVisibleFocus(site, 'the View History link');
  await site.keyboard.press('Enter');
  await expect(site.getByRole('heading', { level: 1, name: t(lang, 'history.title') })).toBeFocused();
  const table = site.getByRole('table', { name: t(lang, 'history.tableName') });
  const deleteButton = table.getByRole('row').filter({ hasText: t(lang, 'clientApps.sheet.label') }).getByRole('button', { name: t(lang, 'history.delete'), exact: true });
  await tabTo(site, deleteButton);
  await site.keyboard.press('Enter');
  const dialog = site.getByRole('alertdialog');
  await expect(dialog).toBeVisible();
  await expect(button(dialog, lang, 'common.cancel')).toBeFocused();
  await expectVisibleFocus(site, "the dialog's Cancel");
  for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
    await site.keyboard.press(key);
    await expectFocusInside(dialog);
  }
  await site.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(deleteButton).toBeFocused();
  await site.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await tabTo(site, button(dialog, lang, 'history.delete'));
  await site.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(table.getByRole('row')).toHaveCount(0);
  await expect(site.getByRole('status')).toContainText(t(lang, 'clientApps.sheet.label'));
  await expect(site.getByRole('heading', { level: 1, name: t(lang, 'history.title') })).toBeFocused();

  // Messages is signed out at once, and says why.
  await messages.bringToFront();
  await expect(messages.getByRole('alert')).toHaveText(t(lang, 'clientApps.ended.appPasswordRevoked'));
  await expect(button(messages, lang, 'clientApps.signIn')).toBeVisible();
  await expect(passwordField).toBeFocused();
});

test("the control center's scenarios and dialogs with the keyboard alone", async ({ twostep, page }) => {
  const lang: Lang = 'ja';
  await page.goto(twostep.appUrl(`/control?lang=${lang}`));
  const status = page.locator('.scenario-status');

  // Change Password…: Enter opens it, focus in its first field; Escape closes it, focus back on the button.
  const changePassword = button(page, lang, 'control.scenarios.changePassword');
  await tabTo(page, changePassword);
  await expectVisibleFocus(page, 'Change Password…');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: t(lang, 'control.changePassword.title') });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel(t(lang, 'control.changePassword.newPassword'), { exact: true })).toBeFocused();
  await expectVisibleFocus(page, 'the new password field');
  for (const key of ['Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
    await page.keyboard.press(key);
    await expectFocusInside(dialog);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(changePassword).toBeFocused();

  // Again, filled in and submitted with Return.
  await page.keyboard.press('Enter');
  await expect(dialog.getByLabel(t(lang, 'control.changePassword.newPassword'), { exact: true })).toBeFocused();
  await page.keyboard.type('Keyboard-Only-2015');
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel(t(lang, 'control.changePassword.confirm'), { exact: true })).toBeFocused();
  await page.keyboard.type('Keyboard-Only-2015');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(status).toContainText(t(lang, 'control.scenarios.passwordChanged', { appleId: DEMO.appleId }));
  await expect(changePassword).toBeFocused();

  // A scenario button: Space runs it.
  await tabTo(page, button(page, lang, 'control.scenarios.simSwap'), { back: true });
  await page.keyboard.press('Space');
  await expect(status).toHaveText(t(lang, 'control.scenarios.resultNone'));

  // Reset Demo…: the alert dialog starts on Cancel, traps Tab, and Enter on Reset confirms.
  const reset = button(page, lang, 'control.scenarios.resetDemo');
  await tabTo(page, reset);
  await page.keyboard.press('Enter');
  const alert = page.getByRole('alertdialog', { name: t(lang, 'control.reset.title') });
  await expect(button(alert, lang, 'control.reset.cancel')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(button(alert, lang, 'control.reset.confirm')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(button(alert, lang, 'control.reset.cancel')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(button(alert, lang, 'control.reset.confirm')).toBeFocused();
  await expectVisibleFocus(page, 'Reset');
  await page.keyboard.press('Enter');
  await expect(alert).toHaveCount(0);
  await expect(status).toHaveText(t(lang, 'control.scenarios.resetDone'));
  await expect(reset).toBeFocused();

  // The guided tour: started, moved on and ended with the keyboard.
  await tabTo(page, button(page, lang, 'tour.start'));
  await page.keyboard.press('Enter');
  await expect(page.getByText(t(lang, 'tour.progress', { n: 1, total: 10 }))).toBeVisible();
  await expect(button(page, lang, 'tour.next')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText(t(lang, 'tour.progress', { n: 2, total: 10 }))).toBeVisible();
  await tabTo(page, button(page, lang, 'tour.end'));
  await expectVisibleFocus(page, 'End Tour');
  await page.keyboard.press('Space');
  await expect(button(page, lang, 'tour.start')).toBeFocused();
});

test('the stage with the keyboard alone: the Dock, a window, its sheet, the tour’s coach mark, the control center folded and unfolded', async ({ twostep, page }) => {
  const lang: Lang = 'en';
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(twostep.appUrl(`/stage?lang=${lang}`));
  const dockMessages = page.getByRole('navigation', { name: t(lang, 'stage.dock') }).getByRole('button', { name: t(lang, 'clientApps.messages.name'), exact: true });

  // The tour, started from the panel; its coach mark's Next and Back answer the keyboard too.
  const panel = page.getByRole('complementary', { name: t(lang, 'control.title') });
  await tabTo(page, button(panel, lang, 'tour.start'));
  await page.keyboard.press('Enter');
  const coach = page.locator('section.coach');
  await expect(coach).toContainText(t(lang, 'tour.progress', { n: 1, total: 10 }));
  await tabTo(page, button(coach, lang, 'tour.next'), { back: true, max: 80 });
  await expectVisibleFocus(page, "the coach mark's Next");
  await page.keyboard.press('Enter');
  await expect(coach).toContainText(t(lang, 'tour.progress', { n: 2, total: 10 }));
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(coach).toContainText(t(lang, 'tour.progress', { n: 1, total: 10 }));

  // Enter on Messages in the Dock: the window opens with the keyboard in its first field.
  await tabTo(page, dockMessages, { max: 80 });
  await expectVisibleFocus(page, 'Messages in the Dock');
  await page.keyboard.press('Enter');
  const messages = page.getByRole('region', { name: t(lang, 'clientApps.messages.name'), exact: true });
  await expect(messages.getByLabel(t(lang, 'clientApps.appleId'), { exact: true })).toBeFocused();
  await page.keyboard.type(DEMO.appleId);
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO.password);
  await page.keyboard.press('Enter');
  const sheet = page.getByRole('alertdialog', { name: t(lang, 'clientApps.sheet.title') });
  await expect(button(sheet, lang, 'clientApps.create')).toBeFocused();
  for (const key of ['Tab', 'Tab', 'Shift+Tab']) {
    await page.keyboard.press(key);
    await expectFocusInside(sheet);
  }
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
  await expect(messages.getByLabel(t(lang, 'clientApps.password'), { exact: true })).toBeFocused();

  // The red button closes the window; the Dock brings it back as it was.
  await tabTo(page, messages.getByRole('button', { name: t(lang, 'stage.closeWindow', { window: t(lang, 'clientApps.messages.name') }) }), { back: true });
  await expectVisibleFocus(page, "Messages' close button");
  await page.keyboard.press('Enter');
  await expect(messages).toBeHidden();
  await tabTo(page, dockMessages, { max: 80 });
  await page.keyboard.press('Enter');
  await expect(messages.getByLabel(t(lang, 'clientApps.appleId'), { exact: true })).toHaveValue(DEMO.appleId);

  // The control center folds away and back from the menu bar.
  const toggle = page.getByRole('banner').getByRole('button', { name: t(lang, 'stage.controlCenter'), exact: true });
  await tabTo(page, toggle, { back: true, max: 80 });
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Enter');
  await expect(panel).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Space');
  await expect(panel).toBeVisible();
});
