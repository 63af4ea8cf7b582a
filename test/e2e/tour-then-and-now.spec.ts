import { t } from './catalog.js';
import { expect, test } from './fixtures.js';
import { DEMO, readCodeFromIPhone, signInViaApi } from './helpers.js';
import { shot } from './places.js';
import { closePanelIfOver, openPanel, startTour } from './presenting.js';
import { coach, controlPanel, dockButton, expectCoachStep, expectRingAround, macWindow, openStage, signInMac, stageIPhone } from './stage.js';

/**
 * The tour's Then and now route (issue 19), on the stage in both languages: the same two
 * sign-ins — Messages, then My Apple ID — under 2015's two-step verification, the switch in the
 * control center, and the same sign-ins under two-factor authentication. The tour moves on by
 * what the log shows at each level, and points at the thing to click at each step.
 */

for (const lang of ['en', 'ja'] as const) {
  test(`Then and now (${lang}): the same sign-ins in 2015 and today, step by step, from the control center`, async ({ twostep, page }, testInfo) => {
    test.setTimeout(180_000);
    await openStage(page, twostep, lang);
    await startTour(page, lang, 'thenAndNow');
    await expectCoachStep(page, lang, 1, 'thenMessages');
    await expect(coach(page)).toContainText(t(lang, 'tour.thenAndNow.noteLabel'));
    await expectRingAround(page, dockButton(page, lang, 'messages'));
    await shot(testInfo, page, lang, 'tour-then-messages');

    // Then: Messages refuses the Apple ID password and asks for an app-specific password.
    await dockButton(page, lang, 'messages').click();
    const messages = macWindow(page, lang, 'messages');
    await signInMac(messages, lang, DEMO.appleId, DEMO.password);
    const passwordSheet = page.getByRole('alertdialog', { name: t(lang, 'clientApps.sheet.title') });
    await expect(passwordSheet).toBeVisible();
    await expectCoachStep(page, lang, 2, 'thenWeb');
    // A step in My Apple ID: the card says where, with no ring on the stage.
    await expect(coach(page).getByRole('button', { name: t(lang, 'control.windows.account-site'), exact: true })).toBeVisible();
    await passwordSheet.getByRole('button', { name: t(lang, 'clientApps.cancel'), exact: true }).click();

    // Then: My Apple ID with a code from the trusted iPhone, under two-step verification.
    await signInViaApi(page, twostep);
    await expectCoachStep(page, lang, 3, 'switchLevel');
    const panel = await openPanel(page, lang);
    const thenAndNow = panel.getByRole('region', { name: t(lang, 'twoFactor.control.title'), exact: true });
    // The tour panel's Show puts the keyboard on the section with the switch.
    const tourPanel = panel.getByRole('region', { name: t(lang, 'tour.heading'), exact: true });
    await expect(tourPanel).toContainText(t(lang, 'tour.nextIn', { place: t(lang, 'twoFactor.control.title') }));
    await tourPanel.getByRole('button', { name: t(lang, 'tour.show'), exact: true }).click();
    await expect(thenAndNow).toBeFocused();
    await expectRingAround(page, thenAndNow);
    await shot(testInfo, page, lang, 'tour-switch-level', true);
    await thenAndNow.getByRole('button', { name: t(lang, 'twoFactor.control.toTwoFactor'), exact: true }).click();
    await expect(thenAndNow.getByRole('status')).toHaveText(t(lang, 'twoFactor.control.done', { level: t(lang, 'twoFactor.account.levels.two-factor') }));

    // Now: Messages with the same password asks for the code in the app; the iPhone asks first.
    await expectCoachStep(page, lang, 4, 'nowMessages');
    await closePanelIfOver(page, lang);
    await signInMac(messages, lang, DEMO.appleId, DEMO.password);
    const codeSheet = page.getByRole('alertdialog', { name: t(lang, 'twoFactorApps.codeSheet.title') });
    await expect(codeSheet).toBeVisible();
    const request = stageIPhone(page, lang).getByRole('alertdialog', { name: t(lang, 'twoFactor.request.title') });
    await expect(request).toBeVisible();
    await expectRingAround(page, request);
    await shot(testInfo, page, lang, 'tour-now-messages');
    const code = await readCodeFromIPhone(stageIPhone(page, lang));
    expect(code).toMatch(/^\d{6}$/);
    await codeSheet.getByLabel(t(lang, 'twoFactorApps.codeSheet.code'), { exact: true }).fill(code);
    await codeSheet.getByRole('button', { name: t(lang, 'clientApps.verify'), exact: true }).click();
    await expect(messages.getByRole('heading', { name: t(lang, 'clientApps.signedIn.heading'), exact: true })).toBeVisible();

    // Now: My Apple ID again; its tab's banner shows the same step of the same route.
    await expectCoachStep(page, lang, 5, 'nowWeb');
    const site = await page.context().newPage();
    await site.goto(`${twostep.origin}/account?lang=${lang}`);
    const banner = site.getByRole('complementary', { name: t(lang, 'tour.heading'), exact: true });
    await expect(banner).toContainText(t(lang, 'tour.progress', { n: 5, total: 5 }));
    await expect(banner).toContainText(t(lang, 'tour.steps.nowWeb.title'));
    await site.close();
    await signInViaApi(page, twostep);
    await expect(coach(page).getByRole('heading', { name: t(lang, 'tour.completedTitle') })).toBeVisible();
    await expect(coach(page)).toContainText(t(lang, 'tour.thenAndNow.completedText'));
    await expect(controlPanel(page, lang).getByRole('region', { name: t(lang, 'tour.heading'), exact: true })).toContainText(t(lang, 'tour.thenAndNow.completedText'));
  });
}
