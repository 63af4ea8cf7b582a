import type { Locator, Page } from '@playwright/test';
import { t, type Lang } from './catalog.js';
import { expect, test, type TwoStep } from './fixtures.js';
import { DEMO, readCodeFromIPhone, siteCall } from './helpers.js';
import {
  boxOf,
  closePanelIfOver,
  describeBox,
  drawnFontSize,
  LANGS,
  openPanel,
  overlaps,
  SCREENS,
  screenName,
  setLargeType,
  settled,
  shot,
  startTour,
  viewportBox,
  within,
  type Screen,
} from './presenting.js';
import { coach, dockButton, expectCoachStep, expectRingAround, macWindow, openStage, readmeScreenshot, signInMac, stageIPhone, type StageApp } from './stage.js';

/**
 * The stage on the projectors a presenter meets — 1920×1080, 1366×768, 1024×768, 800×600 — in
 * both languages, with and without Large type: the desktop and the iPhone fit one screen
 * together (scaled as one slide) down to 1024×768 (Large type: 1366×768), and below that the
 * tour scrolls to what it points at and says where it is; no window ever leaves the desktop or slips under the Dock; a
 * sheet hangs from its window's title bar however it is scaled; the coach card never covers
 * what it points at; and Large type draws body text at 24 px or more on a 1920×1080 screen.
 */

const BODY_TEXT_MIN = 24;
/**
 * Side by side on one screen: down to 1024×768; with Large type down to 1366×768 — below that,
 * side by side would draw the Mac's text no larger than without it, so the desktop takes the
 * width and the iPhone stands below it.
 */
const oneScreen = (size: Screen, large: boolean) => size.width >= (large ? 1366 : 1024);

/** Every open window of the stage lies on the desktop, above the Dock. */
async function expectWindowsOnDesktop(page: Page, what: string): Promise<void> {
  const desktop = await boxOf(page.locator('.stage-desktop'));
  const dock = await boxOf(page.locator('.dock'));
  for (const frame of await page.locator('[data-window]:not([hidden]) .mac-window').all()) {
    const id = await frame.evaluate((element) => element.closest('[data-window]')!.getAttribute('data-window'));
    const box = await boxOf(frame);
    expect(within(box, desktop), `${what}: the ${id} window (${describeBox(box)}) leaves the desktop (${describeBox(desktop)})`).toBe(true);
    expect(box.y + box.height, `${what}: the ${id} window (${describeBox(box)}) runs under the Dock (top ${Math.round(dock.y)})`).toBeLessThanOrEqual(dock.y + 1);
  }
}

/** The sheet hangs from the bottom of its window's title bar (and toolbar), without a gap. */
async function expectSheetAttached(page: Page, app: StageApp, what: string): Promise<void> {
  const header = await boxOf(page.locator(`[data-window="${app}"] .mac-titlebar`));
  const sheet = await boxOf(page.locator(`[data-window="${app}"] .mac-sheet`));
  expect(Math.abs(sheet.y - (header.y + header.height)), `${what}: the sheet's top (${Math.round(sheet.y)}) is off the title bar's bottom (${Math.round(header.y + header.height)})`).toBeLessThanOrEqual(1.5);
}

/** The coach card is on screen and covers none of `clear` (what it points at, and what goes with it). */
async function expectCoachClear(page: Page, clear: Locator[], what: string): Promise<void> {
  await expect(async () => {
    const card = await boxOf(coach(page));
    const screen = await viewportBox(page);
    expect(within(card, screen), `${what}: the coach card (${describeBox(card)}) is not all on screen (${describeBox(screen)})`).toBe(true);
    for (const locator of clear) {
      const box = await boxOf(locator);
      expect(overlaps(card, box), `${what}: the coach card (${describeBox(card)}) covers ${locator.toString()} (${describeBox(box)})`).toBe(false);
    }
  }).toPass({ timeout: 5_000 });
}

/** `locator` is all on screen (nothing to scroll to see it). */
async function expectOnScreen(page: Page, locator: Locator, what: string): Promise<void> {
  const box = await boxOf(locator);
  const screen = await viewportBox(page);
  expect(within(box, screen), `${what}: ${locator.toString()} (${describeBox(box)}) is not on screen (${describeBox(screen)})`).toBe(true);
}

async function expectBodyText(locator: Locator, what: string): Promise<void> {
  const size = await drawnFontSize(locator);
  expect(size, `${what} is drawn at ${size.toFixed(1)} px`).toBeGreaterThanOrEqual(BODY_TEXT_MIN);
}

/** My Apple ID through its API, as the browser tab would go, up to a code on the iPhone. */
async function codeOnTheIPhone(page: Page, twostep: TwoStep): Promise<string> {
  const started = await siteCall<{ verificationId: string; devices: { id: number }[] }>(page.request, twostep, 'signIn', DEMO);
  expect(started.ok).toBe(true);
  expect((await siteCall(page.request, twostep, 'sendCode', { verificationId: started.value.verificationId, deviceId: started.value.devices[0]!.id })).ok).toBe(true);
  return started.value.verificationId;
}

async function theIPhoneFits(page: Page, lang: Lang, size: Screen, large: boolean, what: string): Promise<void> {
  const iphone = stageIPhone(page, lang);
  const banner = iphone.getByRole('listitem').first();
  await expectRingAround(page, banner);
  await expectOnScreen(page, banner, what);
  await expectOnScreen(page, page.locator('.coach-ring'), what);
  await expectCoachClear(page, [iphone.locator('.screen')], what);
  if (oneScreen(size, large)) {
    // One screen: nothing to scroll, the window, the Dock and the code all in view together.
    expect(await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight), `${what}: the page scrolls`).toBeLessThanOrEqual(0);
    await expectOnScreen(page, page.locator('[data-window="messages"] .mac-window'), what);
    await expectOnScreen(page, page.locator('.dock'), what);
  } else {
    // Below the desktop: the tour scrolled down to it, and says where it is.
    await expect(coach(page)).toContainText(t(lang, 'tour.where.iphoneBelow'));
  }
}

for (const lang of LANGS) {
  for (const size of SCREENS) {
    test(`${screenName(size)}, ${lang === 'en' ? 'English' : 'Japanese'}: the demo holds on this screen, with and without Large type`, async ({ twostep, page }, testInfo) => {
      test.setTimeout(240_000);
      const where = (step: string) => `${screenName(size)} ${lang}, ${step}`;
      await openStage(page, twostep, lang, size);
      await startTour(page, lang);

      // 1. The Dock: the ring round Messages, the card beside the Dock, not over it.
      await expectCoachStep(page, lang, 1, 'openMessages');
      await expectRingAround(page, dockButton(page, lang, 'messages'));
      await expectCoachClear(page, [page.locator('.dock')], where('the Dock'));
      await shot(testInfo, page, `tour-starts-${lang}-${screenName(size)}`);

      // 2–3. Messages and its sheet.
      await dockButton(page, lang, 'messages').click();
      const messages = macWindow(page, lang, 'messages');
      await signInMac(messages, lang, DEMO.appleId, DEMO.password);
      const sheet = page.getByRole('alertdialog', { name: t(lang, 'clientApps.sheet.title') });
      const create = sheet.getByRole('button', { name: t(lang, 'clientApps.create'), exact: true });
      await expect(sheet).toBeVisible();
      await expectCoachStep(page, lang, 3, 'create');
      await expectRingAround(page, create);
      await settled(page);
      for (const large of [false, true]) {
        const what = where(`the sheet${large ? ', Large type' : ''}`);
        if (large) await setLargeType(page, lang, true);
        await expectWindowsOnDesktop(page, what);
        await expectSheetAttached(page, 'messages', what);
        await expectCoachClear(page, [sheet], what);
        if (large && size.width === 1920) {
          await expectBodyText(sheet.locator('.mac-sheet__text p').first(), `${what}: the sheet's text`);
          await expectBodyText(messages.locator('.imessage-sign-in__prompt'), `${what}: Messages' prompt`);
          await expectBodyText(coach(page).locator('.coach__text'), `${what}: the coach card's text`);
        }
        await shot(testInfo, page, `sheet${large ? '-large-type' : ''}-${lang}-${screenName(size)}`);
        if (large && size.width === 1920) await readmeScreenshot(page, lang, 'large-type');
      }
      await setLargeType(page, lang, false);

      // 4–6. Create opens My Apple ID (its steps run through its API here); the code is on the iPhone.
      const [popup] = await Promise.all([page.waitForEvent('popup'), create.click()]);
      await popup.close();
      const verificationId = await codeOnTheIPhone(page, twostep);
      const code = await readCodeFromIPhone(stageIPhone(page, lang));
      await expectCoachStep(page, lang, 6, 'readCode');
      for (const large of [false, true]) {
        const what = where(`the code on the iPhone${large ? ', Large type' : ''}`);
        if (large) await setLargeType(page, lang, true);
        await theIPhoneFits(page, lang, size, large, what);
        await expectWindowsOnDesktop(page, what);
        if (large && size.width === 1920) {
          await expectBodyText(stageIPhone(page, lang).locator('.banner__body').first(), `${what}: the iPhone's notification`);
          const panel = await openPanel(page, lang);
          await expectBodyText(panel.locator('.panel__intro').first(), `${what}: the control center's text`);
          await expectBodyText(panel.locator('.tour__text'), `${what}: the tour panel's text`);
          await shot(testInfo, page, `control-center-large-type-${lang}-${screenName(size)}`);
          await closePanelIfOver(page, lang);
        }
        await shot(testInfo, page, `code${large ? '-large-type' : ''}-${lang}-${screenName(size)}`);
        if (!large && size.width === 1024) await readmeScreenshot(page, lang, 'stage-1024');
        if (!large && size.width === 800) await readmeScreenshot(page, lang, 'stage-800');
      }
      await setLargeType(page, lang, false);

      // 7–8. The code used, the password made: back to Messages' password field.
      const verified = await siteCall<{ sessionKey: string }>(page.request, twostep, 'verifyCode', { verificationId, code });
      expect(verified.ok).toBe(true);
      twostep.siteSessionKey = verified.value.sessionKey;
      expect((await siteCall(page.request, twostep, 'createAppPassword', { label: t(lang, 'clientApps.sheet.label') })).ok).toBe(true);
      await expectCoachStep(page, lang, 8, 'useIt');
      const password = messages.getByLabel(t(lang, 'clientApps.password'), { exact: true });
      const signIn = messages.getByRole('button', { name: t(lang, 'clientApps.signIn'), exact: true });
      for (const large of [false, true]) {
        const what = where(`back to Messages${large ? ', Large type' : ''}`);
        if (large) await setLargeType(page, lang, true);
        await expectRingAround(page, password);
        await expectCoachClear(page, [password, signIn], what);
        await expectWindowsOnDesktop(page, what);
        await shot(testInfo, page, `use-it${large ? '-large-type' : ''}-${lang}-${screenName(size)}`);
      }

      // Every window open at once, Large type still on (from the control center: the card may lie over the Dock): none leaves the desktop.
      const panel = await openPanel(page, lang);
      for (const app of ['facetime', 'icloud', 'mail', 'messages'] as const) {
        await panel.getByRole('button', { name: t(lang, `control.windows.${app}`), exact: true }).click();
      }
      await closePanelIfOver(page, lang);
      await settled(page);
      await expectWindowsOnDesktop(page, where('every window, Large type'));
      await shot(testInfo, page, `every-window-large-type-${lang}-${screenName(size)}`);

      if (size.width === 1920) {
        // My Apple ID, in its own tab, follows Large type too.
        const site = await page.context().newPage();
        await site.setViewportSize(size);
        await site.goto(`${twostep.origin}/sign-in`);
        await expect(site.locator('html')).toHaveAttribute('lang', lang);
        await expectBodyText(site.getByLabel(t(lang, 'signIn.appleId'), { exact: true }), `${where('My Apple ID, Large type')}: the Apple ID field`);
        await expectBodyText(site.locator('.card__lead').first(), `${where('My Apple ID, Large type')}: the page's text`);
        await shot(testInfo, site, `my-apple-id-large-type-${lang}-${screenName(size)}`);
        await site.close();
      }
    });
  }
}
