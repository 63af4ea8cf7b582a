import type { Page } from '@playwright/test';
import { scan } from './axe.js';
import { t, type Lang } from './catalog.js';
import { expect, test, type TwoStep } from './fixtures.js';
import { answerOnIPhone, codeFromAlert, DEMO, siteCall } from './helpers.js';
import { shot } from './places.js';
import { dockButton, macWindow, openStage, signInMac, stageIPhone } from './stage.js';

/**
 * The stage's own iPhone under two-factor authentication (issue 19), in English and Japanese:
 *
 * - a sign-in at My Apple ID in another tab makes the stage's iPhone show "Apple ID Sign In
 *   Requested" with its map of Japan and what is signing in (a web browser); with nothing else
 *   holding the keyboard the alert has it: Tab reaches Allow, Enter answers; axe finds nothing on
 *   the stage with the alert, nor with the "Apple ID Verification Code" that follows; that code
 *   finishes the sign-in in the tab;
 * - while the code sheet of Messages (OS X 10.11) has the keyboard, an alert arriving on the
 *   iPhone beside it leaves the keyboard there: the field keeps the focus, and what is typed
 *   goes into it.
 */

const requestAlert = (page: Page, lang: Lang) => stageIPhone(page, lang).getByRole('alertdialog', { name: t(lang, 'twoFactor.request.title'), exact: true });
const codeAlert = (page: Page, lang: Lang) => stageIPhone(page, lang).getByRole('alertdialog', { name: t(lang, 'twoFactor.code.title'), exact: true });

/** The control center's Then and now, in a tab of its own (the stage's keyboard focus untouched): two-factor authentication. */
async function switchToTwoFactor(page: Page, twostep: TwoStep, lang: Lang): Promise<void> {
  const control = await page.context().newPage();
  await control.goto(twostep.appUrl(`/control?lang=${lang}`));
  const thenAndNow = control.getByRole('region', { name: t(lang, 'twoFactor.control.title'), exact: true });
  await thenAndNow.getByRole('button', { name: t(lang, 'twoFactor.control.toTwoFactor'), exact: true }).click();
  await expect(thenAndNow.getByRole('status')).toHaveText(t(lang, 'twoFactor.control.done', { level: t(lang, 'twoFactor.account.levels.two-factor') }));
  await control.close();
}

/** My Apple ID in another tab of this browser, signed in up to its code with Taro's iPhone chosen. */
async function myAppleIdUpToCode(page: Page, twostep: TwoStep, lang: Lang): Promise<Page> {
  const site = await page.context().newPage();
  await site.goto(`${twostep.origin}/account?lang=${lang}`);
  await site.getByLabel(t(lang, 'signIn.appleId'), { exact: true }).fill(DEMO.appleId);
  await site.getByLabel(t(lang, 'signIn.password'), { exact: true }).fill(DEMO.password);
  await site.getByRole('button', { name: t(lang, 'signIn.submit'), exact: true }).click();
  await expect(site.getByRole('heading', { name: t(lang, 'verify.title') })).toBeVisible();
  await site.getByRole('radio', { name: new RegExp(t(lang, 'demo.iphone')) }).check();
  await site.getByRole('button', { name: t(lang, 'common.continue'), exact: true }).click();
  await expect(site.getByText(t(lang, 'twoFactor.site.askAllow', { device: t(lang, 'demo.iphone'), length: 6 }))).toBeVisible();
  return site;
}

for (const lang of ['en', 'ja'] as const satisfies readonly Lang[]) {
  test(`stage's iPhone (${lang}): Sign In Requested with its map and the web browser, answered by keyboard; axe-clean; the code finishes the sign-in`, async ({
    twostep,
    page,
  }, testInfo) => {
    test.setTimeout(150_000);
    await switchToTwoFactor(page, twostep, lang);
    await openStage(page, twostep, lang);
    const site = await myAppleIdUpToCode(page, twostep, lang);
    await page.bringToFront();

    const request = requestAlert(page, lang);
    await expect(request).toBeVisible();
    await expect(request).toContainText(t(lang, 'twoFactor.request.body', { appleId: DEMO.appleId }));
    await expect(request.getByRole('img', { name: t(lang, 'twoFactor.request.map') })).toBeVisible();
    await expect(request).toContainText(t(lang, 'twoFactor.request.places.web-browser'));
    await expect(request).toContainText(t(lang, 'twoFactor.request.near'));
    await shot(testInfo, page, lang, 'stage-two-factor-request');
    await shot(testInfo, stageIPhone(page, lang), lang, 'stage-iphone-two-factor-request');
    await scan(page, lang, 'stage: Sign In Requested on the iPhone');

    // Nothing else held the keyboard: the alert has it, on Don't Allow; Tab to Allow, Enter.
    const deny = request.getByRole('button', { name: t(lang, 'twoFactor.request.deny'), exact: true });
    const allow = request.getByRole('button', { name: t(lang, 'twoFactor.request.allow'), exact: true });
    await expect(deny).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(allow).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(request).toBeHidden();

    // The code follows, its OK in focus (the keyboard was on the iPhone).
    const shown = codeAlert(page, lang);
    await expect(shown.getByText(/^\d{6}$/)).toBeVisible();
    await expect(shown).toContainText(t(lang, 'twoFactor.code.body'));
    await expect(shown.getByRole('button', { name: t(lang, 'twoFactor.code.ok'), exact: true })).toBeFocused();
    await shot(testInfo, page, lang, 'stage-two-factor-code');
    await shot(testInfo, stageIPhone(page, lang), lang, 'stage-iphone-two-factor-code');
    await scan(page, lang, 'stage: the verification code on the iPhone');
    const code = (await shown.getByText(/^\d{6}$/).innerText()).trim();
    await page.keyboard.press('Enter');
    await expect(shown).toBeHidden();

    // The tab was told, and the code signs in there.
    await site.bringToFront();
    await expect(site.getByText(t(lang, 'twoFactor.site.allowed', { device: t(lang, 'demo.iphone') }))).toBeVisible();
    await site.getByLabel(t(lang, 'verify.code'), { exact: true }).fill(code);
    await site.getByRole('button', { name: t(lang, 'common.continue'), exact: true }).click();
    await expect(site.getByRole('heading', { level: 1, name: t(lang, 'trustedBrowsers.prompt.title') })).toBeVisible();
    await site.getByRole('button', { name: t(lang, 'trustedBrowsers.prompt.notNow'), exact: true }).click();
    // Signed in: My Apple ID's Manage page.
    await expect(site.getByRole('navigation', { name: t(lang, 'account.sections') })).toBeVisible();
  });

  test(`stage's iPhone (${lang}): an alert arriving while Messages' code sheet has the keyboard leaves it there; typing goes into the field`, async ({
    twostep,
    page,
  }, testInfo) => {
    test.setTimeout(90_000);
    await switchToTwoFactor(page, twostep, lang);
    await openStage(page, twostep, lang);
    await dockButton(page, lang, 'messages').click();
    const messages = macWindow(page, lang, 'messages');
    await signInMac(messages, lang, DEMO.appleId, DEMO.password);
    const sheet = page.getByRole('alertdialog', { name: t(lang, 'twoFactorApps.codeSheet.title') });
    const field = sheet.getByLabel(t(lang, 'twoFactorApps.codeSheet.code'), { exact: true });
    await expect(field).toBeFocused();

    // Messages' own request: a Mac signing in. It comes up beside the sheet without the keyboard.
    const request = requestAlert(page, lang);
    await expect(request).toBeVisible();
    await expect(request).toContainText(t(lang, 'twoFactor.request.places.mac'));
    await expect(field).toBeFocused();
    await shot(testInfo, page, lang, 'stage-two-factor-request-beside-sheet');
    await answerOnIPhone(stageIPhone(page, lang), 'allow');
    const code = await codeFromAlert(stageIPhone(page, lang));

    // Back in the field, a first digit typed; then a sign-in elsewhere makes the iPhone ask again.
    await field.click();
    await expect(field).toBeFocused();
    await page.keyboard.type(code.slice(0, 1));
    const started = await siteCall<{ verificationId: string; devices: { id: number }[] }>(page.request, twostep, 'signIn', DEMO);
    expect(started.ok).toBe(true);
    const sent = await siteCall(page.request, twostep, 'sendCode', { verificationId: started.value.verificationId, deviceId: started.value.devices[0]!.id });
    expect(sent.ok).toBe(true);
    await expect(request).toBeVisible();
    await expect(request).toContainText(t(lang, 'twoFactor.request.places.web-browser'));

    // The alert arrived, and the keyboard stayed in the sheet: the rest of the code goes into the field.
    await expect(field).toBeFocused();
    await expect(request.getByRole('button', { name: t(lang, 'twoFactor.request.deny'), exact: true })).not.toBeFocused();
    await page.keyboard.type(code.slice(1));
    await expect(field).toHaveValue(code);
    await shot(testInfo, page, lang, 'stage-two-factor-request-keeps-focus');
    await page.keyboard.press('Enter');
    await expect(sheet).toHaveCount(0);
    await expect(messages.getByRole('heading', { name: t(lang, 'clientApps.signedIn.heading'), exact: true })).toBeVisible();

    // The other sign-in is still asked about; Don't Allow puts the alert away, with no code.
    await answerOnIPhone(stageIPhone(page, lang), 'deny');
    await expect(codeAlert(page, lang)).toHaveCount(0);
  });
}
