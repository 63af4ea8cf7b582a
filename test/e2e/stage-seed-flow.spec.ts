import type { Page, TestInfo } from '@playwright/test';
import { t, type Lang } from './catalog.js';
import { expect, test, type TwoStep } from './fixtures.js';
import { accountSiteTab, DEMO, expectTernMailConnected, readCodeFromIPhone, signInTernMail } from './helpers.js';
import {
  coach,
  controlPanel,
  dockButton,
  expectCoachStep,
  expectRingAround,
  macWindow,
  openStage,
  readmeScreenshot,
  signInMac,
  stageIPhone,
} from './stage.js';

/**
 * The seed's whole flow presented on the stage, as a trainer would: the tour's coach marks point
 * at each next click in the window where it is, My Apple ID is the browser's one other tab and
 * shows the same step in its banner, and "read the code on the iPhone" waits until the code is
 * used. A screenshot of each step is kept with the test; the README's pictures are made here.
 */

async function step(testInfo: TestInfo, page: Page, name: string): Promise<void> {
  const index = String(testInfo.attachments.length + 1).padStart(2, '0');
  const path = testInfo.outputPath(`${index}-${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(`${index}-${name}`, { path, contentType: 'image/png' });
}

/** My Apple ID's banner: the tour's step, as the stage says it. */
async function expectBanner(site: Page, lang: Lang, n: number, id: string): Promise<void> {
  const banner = site.getByRole('complementary', { name: t(lang, 'tour.heading') });
  await expect(banner).toContainText(t(lang, 'tour.progress', { n, total: 10 }));
  await expect(banner).toContainText(t(lang, `tour.steps.${id}.title`));
}

async function createdPassword(site: Page): Promise<string> {
  const shown = site.getByText(/^[a-z]{4}-[a-z]{4}-[a-z]{4}-[a-z]{4}$/);
  await expect(shown).toBeVisible();
  return (await shown.textContent())!;
}

async function stageSeedFlow(twostep: TwoStep, page: Page, lang: Lang, testInfo: TestInfo): Promise<void> {
  const label = t(lang, 'clientApps.sheet.label');
  await openStage(page, twostep, lang);
  const panel = controlPanel(page, lang);
  await expect(panel).toBeVisible();
  await panel.getByRole('button', { name: t(lang, 'tour.start'), exact: true }).click();

  // 1. The ring is round Messages in the Dock.
  await expectCoachStep(page, lang, 1, 'openMessages');
  await expectRingAround(page, dockButton(page, lang, 'messages'));
  await step(testInfo, page, 'tour-starts-at-the-dock');
  await dockButton(page, lang, 'messages').click();
  const messages = macWindow(page, lang, 'messages');
  await expect(messages).toBeVisible();

  // 2. In the Messages window: the normal password, Sign In.
  await expectCoachStep(page, lang, 2, 'signIn');
  const signInButton = messages.getByRole('button', { name: t(lang, 'clientApps.signIn'), exact: true });
  await expectRingAround(page, signInButton);
  await signInMac(messages, lang, DEMO.appleId, DEMO.password);

  // 3. The sheet, word for word, modal to Messages only; the ring is round Create.
  const sheet = page.getByRole('alertdialog', { name: t(lang, 'clientApps.sheet.title') });
  await expect(sheet).toContainText(t(lang, 'clientApps.sheet.text'));
  expect(await sheet.evaluate((element) => element.closest('[data-window]')?.getAttribute('data-window'))).toBe('messages');
  await expect(stageIPhone(page, lang)).not.toHaveAttribute('inert');
  await expectCoachStep(page, lang, 3, 'create');
  const create = sheet.getByRole('button', { name: t(lang, 'clientApps.create'), exact: true });
  await expectRingAround(page, create);
  await readmeScreenshot(page, lang, 'sheet');
  await step(testInfo, page, 'the-sheet-and-create');

  // 4. Create opens My Apple ID in the real browser: one tab, named, with the label to come.
  const [popup] = await Promise.all([page.waitForEvent('popup'), create.click()]);
  const site = await accountSiteTab(popup, twostep);
  await expectCoachStep(page, lang, 4, 'portalSignIn');
  await expect(coach(page)).toContainText(t(lang, 'tour.switchToBrowser'));
  await expectBanner(site, lang, 4, 'portalSignIn');
  await site.getByLabel(t(lang, 'signIn.appleId'), { exact: true }).fill(DEMO.appleId);
  await site.getByLabel(t(lang, 'signIn.password'), { exact: true }).fill(DEMO.password);
  await site.getByRole('button', { name: t(lang, 'signIn.submit'), exact: true }).click();

  // 5. Verify your identity: Taro's iPhone.
  await expect(site.getByRole('heading', { level: 1, name: t(lang, 'verify.title') })).toBeVisible();
  await expectBanner(site, lang, 5, 'chooseDevice');
  await site.getByRole('radio', { name: /Taro's iPhone|太郎の iPhone/ }).check();
  await site.getByRole('button', { name: t(lang, 'common.continue'), exact: true }).click();
  await expect(site.getByLabel(t(lang, 'verify.code'))).toBeVisible();

  // 6. The code is on the iPhone beside the desktop: the ring is round it, and the tour waits there.
  const iphone = stageIPhone(page, lang);
  const code = await readCodeFromIPhone(iphone);
  await expectCoachStep(page, lang, 6, 'readCode');
  await expectRingAround(page, iphone.getByRole('listitem').first());
  await expectBanner(site, lang, 6, 'readCode');
  await readmeScreenshot(page, lang, 'stage');
  await readmeScreenshot(iphone.locator('.iphone'), lang, 'iphone');
  await step(testInfo, page, 'the-code-on-the-iphone');
  // Sending the code did not end the step; nor does time: only using it does.
  await page.waitForTimeout(1000);
  await expectCoachStep(page, lang, 6, 'readCode');
  await site.getByLabel(t(lang, 'verify.code')).fill(code);
  await site.getByRole('button', { name: t(lang, 'common.continue'), exact: true }).click();

  // 7. Back on the generate page, the label filled in: Create, Copy.
  await expect(site.getByLabel(t(lang, 'generate.label'), { exact: true })).toHaveValue(label);
  await expectCoachStep(page, lang, 7, 'createPassword');
  await expectBanner(site, lang, 7, 'createPassword');
  await readmeScreenshot(site, lang, 'site');
  await site.getByRole('button', { name: t(lang, 'generate.create'), exact: true }).click();
  const password = await createdPassword(site);

  // 8. Pasted into Messages (on the stage, the same window, the password field waiting).
  await expectCoachStep(page, lang, 8, 'useIt');
  const passwordField = messages.getByLabel(t(lang, 'clientApps.password'), { exact: true });
  await expectRingAround(page, passwordField);
  await passwordField.fill(password);
  await messages.getByRole('button', { name: t(lang, 'clientApps.signIn'), exact: true }).click();
  await expect(messages.getByRole('status')).toContainText(t(lang, 'clientApps.signedIn.withAppPassword', { label }));
  await expect(messages.getByRole('status')).toContainText(t(lang, 'demo.fullName'));
  await step(testInfo, page, 'messages-signed-in');

  // 9. The mail app: no Create; a password made by hand under Password and Security.
  await expectCoachStep(page, lang, 9, 'mail');
  await expectRingAround(page, dockButton(page, lang, 'mail'));
  await dockButton(page, lang, 'mail').click();
  const mail = macWindow(page, lang, 'mail');
  // Tern Mail, a real client of the IMAP server: "incorrect", in the server's words, no Create.
  await signInTernMail(mail, lang, DEMO.password);
  await expect(mail.getByRole('alert')).toContainText(t(lang, 'mailApp.incorrect', { appleId: DEMO.appleId }));
  await expect(mail.getByRole('button', { name: t(lang, 'clientApps.create'), exact: true })).toHaveCount(0);
  await expectBanner(site, lang, 9, 'mail');
  await site.getByRole('complementary', { name: t(lang, 'tour.heading') }).getByRole('link', { name: t(lang, 'tour.goToSecurity') }).click();
  await expect(site.getByRole('heading', { level: 1, name: t(lang, 'account.security') })).toBeVisible();
  await site.getByRole('link', { name: t(lang, 'account.generate') }).click();
  await site.getByLabel(t(lang, 'generate.label'), { exact: true }).fill('Mail');
  await site.getByRole('button', { name: t(lang, 'generate.create'), exact: true }).click();
  const mailPassword = await createdPassword(site);
  await signInTernMail(mail, lang, mailPassword);
  await expectTernMailConnected(mail, lang);

  // 10. View History → Delete: Messages is signed out at once; Tern Mail, on its own password, is not.
  await expectCoachStep(page, lang, 10, 'revoke');
  await expectBanner(site, lang, 10, 'revoke');
  await site.getByRole('button', { name: t(lang, 'common.done'), exact: true }).click();
  await site.getByRole('link', { name: t(lang, 'account.viewHistory') }).click();
  const table = site.getByRole('table', { name: t(lang, 'history.tableName') });
  await table.getByRole('row').filter({ hasText: label }).getByRole('button', { name: t(lang, 'history.delete'), exact: true }).click();
  await site.getByRole('alertdialog').getByRole('button', { name: t(lang, 'history.delete'), exact: true }).click();
  await expect(table.getByRole('row')).toHaveCount(2);

  await expect(messages.getByRole('alert')).toHaveText(t(lang, 'clientApps.ended.appPasswordRevoked'));
  await expectTernMailConnected(mail, lang);
  await expect(coach(page).getByRole('heading', { name: t(lang, 'tour.completedTitle') })).toBeVisible();
  await step(testInfo, page, 'tour-complete');
  // The whole flow on one screen: the only other tab is My Apple ID's.
  expect(page.context().pages()).toHaveLength(2);
}

for (const lang of ['en', 'ja'] as const) {
  test(`the seed's flow on the stage, with the coach marks, in ${lang === 'en' ? 'English' : 'Japanese'}`, async ({ twostep, page }, testInfo) => {
    test.setTimeout(120_000);
    await stageSeedFlow(twostep, page, lang, testInfo);
  });
}
