import type { Page } from '@playwright/test';
import { t, type Lang } from './catalog.js';
import { expect, test, type TwoStep } from './fixtures.js';
import { appCall, DEMO, expectTernMailConnected, readCodeFromIPhone, siteCall, signInTernMail } from './helpers.js';
import { atEveryScreen, openPanel, startTour } from './presenting.js';
import { APPS, coach, controlPanel, dockButton, expectCoachStep, macWindow, openStage, signInMac, stageIPhone, type StageApp } from './stage.js';

/**
 * The tour judges each step from what exists — the sign-ins and codes in the log, the
 * app-specific passwords made, who is signed in, the windows open — so it catches up however
 * the presenter went, in any order; and its panel never tells the presenter to open a window
 * that is open.
 */

/** My Apple ID signed in through its API (the tab's steps), with the code read off the stage's iPhone. */
async function signInToMyAppleId(page: Page, twostep: TwoStep, lang: Lang): Promise<void> {
  const started = await siteCall<{ verificationId: string; devices: { id: number }[] }>(page.request, twostep, 'signIn', DEMO);
  const { verificationId, devices } = started.value;
  await siteCall(page.request, twostep, 'sendCode', { verificationId, deviceId: devices[0]!.id });
  const code = await readCodeFromIPhone(stageIPhone(page, lang));
  const verified = await siteCall<{ sessionKey: string }>(page.request, twostep, 'verifyCode', { verificationId, code });
  expect(verified.ok).toBe(true);
  twostep.siteSessionKey = verified.value.sessionKey;
}

async function makePassword(page: Page, twostep: TwoStep, label: string): Promise<{ password: string; id: number }> {
  const made = await siteCall<{ password: string; appPassword: { id: number } }>(page.request, twostep, 'createAppPassword', { label });
  expect(made.ok).toBe(true);
  return { password: made.value.password, id: made.value.appPassword.id };
}

for (const lang of ['en', 'ja'] as const) {
  test(`the tour catches up however the presenter went: My Apple ID first, Tern Mail before Messages (${lang})`, async ({ twostep, page }, testInfo) => {
    test.setTimeout(180_000);
    await openStage(page, twostep, lang);
    await startTour(page, lang);
    await expectCoachStep(page, lang, 1, 'openMessages');

    // The presenter goes to My Apple ID first and makes both passwords there.
    await signInToMyAppleId(page, twostep, lang);
    const forMessages = await makePassword(page, twostep, t(lang, 'clientApps.sheet.label'));
    const forMail = await makePassword(page, twostep, 'Mail');
    // Tern Mail is signed in before Messages is even opened.
    await dockButton(page, lang, 'mail').click();
    const mail = macWindow(page, lang, 'mail');
    await signInTernMail(mail, lang, forMail.password);
    await expectTernMailConnected(mail, lang);

    // Then Messages: the normal password is refused — and the tour, which knows the password
    // exists already, asks for it to be used, not for My Apple ID again.
    await dockButton(page, lang, 'messages').click();
    const messages = macWindow(page, lang, 'messages');
    await signInMac(messages, lang, DEMO.appleId, DEMO.password);
    await expect(page.getByRole('alertdialog', { name: t(lang, 'clientApps.sheet.title') })).toBeVisible();
    await expectCoachStep(page, lang, 8, 'useIt');
    await atEveryScreen(page, twostep, testInfo, 'caught-up-at-use-it', async (_size, l) => expectCoachStep(page, l, 8, 'useIt'), [lang]);
    await page.setViewportSize({ width: 1920, height: 1080 });

    await page.getByRole('alertdialog').getByRole('button', { name: t(lang, 'clientApps.cancel'), exact: true }).click();
    await messages.getByLabel(t(lang, 'clientApps.password'), { exact: true }).fill(forMessages.password);
    await messages.getByRole('button', { name: t(lang, 'clientApps.signIn'), exact: true }).click();
    await expect(messages.getByRole('status')).toContainText(t(lang, 'clientApps.signedIn.withAppPassword', { label: t(lang, 'clientApps.sheet.label') }));
    // Tern Mail was done already: straight on to View History and Delete.
    await expectCoachStep(page, lang, 10, 'revoke');
    await siteCall(page.request, twostep, 'revokeAppPassword', { appPasswordId: forMessages.id });
    await expect(coach(page).getByRole('heading', { name: t(lang, 'tour.completedTitle') })).toBeVisible();
    await atEveryScreen(page, twostep, testInfo, 'tour-complete', async (_size, l) => {
      await expect(coach(page).getByRole('heading', { name: t(l, 'tour.completedTitle') })).toBeVisible();
    }, [lang]);
  });
}

test("the tour's panel never says to open a window that is open, at any step, in either language", async ({ twostep, page }, testInfo) => {
  test.setTimeout(180_000);
  for (const lang of ['en', 'ja'] as const) {
    // Each language from a fresh demo: the tour judges by what exists, and the first run's sign-in exists.
    await appCall(page.request, twostep, 'resetDemo');
    await openStage(page, twostep, lang);
    const panel = await openPanel(page, lang);
    await panel.getByRole('button', { name: t(lang, 'tour.start'), exact: true }).click();
    const openSays = (app: StageApp) => t(lang, 'tour.nextAction', { action: t(lang, `control.windows.${app}`) });
    const expectNoOpenForOpenWindows = async (what: string) => {
      for (const app of Object.keys(APPS) as StageApp[]) {
        if (!(await macWindow(page, lang, app).isVisible())) continue;
        await expect(controlPanel(page, lang), `${what}: the panel says "${openSays(app)}" though ${app} is open`).not.toContainText(openSays(app));
      }
    };

    // Step 1: Messages is closed, so "Open Messages" is right.
    await expect(panel).toContainText(openSays('messages'));
    await dockButton(page, lang, 'messages').click();
    // Step 2 happens in the open Messages window: the panel says where, not "Open".
    await expect(panel).toContainText(t(lang, `tour.steps.signIn.title`));
    await expectNoOpenForOpenWindows('step 2');
    await testInfo.attach(`panel-step-2-${lang}`, { body: await panel.screenshot(), contentType: 'image/png' });
    await signInMac(macWindow(page, lang, 'messages'), lang, DEMO.appleId, DEMO.password);
    await expect(panel).toContainText(t(lang, `tour.steps.create.title`));
    await expectNoOpenForOpenWindows('step 3');

    // Later steps, with Tern Mail open as well: still never "Open" for an open window.
    await dockButton(page, lang, 'mail').click();
    for (const step of ['portalSignIn', 'chooseDevice', 'readCode', 'createPassword', 'useIt', 'mail', 'revoke'] as const) {
      await panel.getByRole('button', { name: t(lang, 'tour.next'), exact: true }).click();
      await expect(panel).toContainText(t(lang, `tour.steps.${step}.title`));
      await expectNoOpenForOpenWindows(step);
    }
    await atEveryScreen(page, twostep, testInfo, 'panel-at-revoke', async (_size, l) => expectNoOpenForOpenWindows(`revoke, ${l}`), [lang]);
    await panel.getByRole('button', { name: t(lang, 'tour.end'), exact: true }).click();
  }
});
