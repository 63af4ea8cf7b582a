import type { Page, TestInfo } from '@playwright/test';
import { t, type Lang } from './catalog.js';
import { expect, test, type TwoStep } from './fixtures.js';
import { accountSiteTab, appTab, DEMO, expectTernMailConnected, goToPasswordAndSecurity, openIPhone, readCodeFromIPhone, signInTernMail } from './helpers.js';

/** A screenshot of each step, kept as a test artifact (test-results/e2e/<test>/NN-step.png). */
async function step(testInfo: TestInfo, page: Page, name: string): Promise<void> {
  const index = String(testInfo.attachments.length + 1).padStart(2, '0');
  const path = testInfo.outputPath(`${index}-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(`${index}-${name}`, { path, contentType: 'image/png' });
}

/** Opens a window from the control center, as a presenter does (a new tab in browser mode). */
async function openFromControlCenter(control: Page, lang: Lang, key: 'messages' | 'facetime' | 'icloud' | 'mail'): Promise<Page> {
  const [window] = await Promise.all([control.waitForEvent('popup'), control.getByRole('button', { name: t(lang, `control.windows.${key}`), exact: true }).click()]);
  return appTab(window, `/${key}`);
}

async function signInApp(app: Page, lang: Lang, password: string): Promise<void> {
  await app.getByLabel(t(lang, 'clientApps.appleId'), { exact: true }).fill(DEMO.appleId);
  await app.getByLabel(t(lang, 'clientApps.password'), { exact: true }).fill(password);
  await app.getByRole('button', { name: t(lang, 'clientApps.signIn'), exact: true }).click();
}

/** My Apple ID: Apple ID and password, then Verify your identity with the code read off the iPhone. */
async function signInToAccountSite(site: Page, iphone: Page, lang: Lang, testInfo: TestInfo, seen: string[] = []): Promise<void> {
  await site.getByLabel(t(lang, 'signIn.appleId'), { exact: true }).fill(DEMO.appleId);
  await site.getByLabel(t(lang, 'signIn.password'), { exact: true }).fill(DEMO.password);
  await site.getByRole('button', { name: t(lang, 'signIn.submit'), exact: true }).click();
  await expect(site.getByRole('heading', { name: t(lang, 'verify.title') })).toBeVisible();
  await site.getByRole('radio', { name: /Taro's iPhone|太郎の iPhone/ }).check();
  await site.getByRole('button', { name: t(lang, 'common.continue'), exact: true }).click();
  await expect(site.getByLabel(t(lang, 'verify.code'))).toBeVisible();
  const code = await readCodeFromIPhone(iphone, seen);
  seen.push(code);
  await iphone.bringToFront();
  await step(testInfo, iphone, 'iphone-shows-the-code');
  await site.bringToFront();
  await site.getByLabel(t(lang, 'verify.code')).fill(code);
  await site.getByRole('button', { name: t(lang, 'common.continue'), exact: true }).click();
}

async function createAppPassword(site: Page): Promise<string> {
  const shown = site.getByText(/^[a-z]{4}-[a-z]{4}-[a-z]{4}-[a-z]{4}$/);
  await expect(shown).toBeVisible();
  return (await shown.textContent())!;
}

async function seedFlow(twostep: TwoStep, control: Page, lang: Lang, testInfo: TestInfo): Promise<void> {
  const label = t(lang, 'clientApps.sheet.label');
  await control.goto(twostep.appUrl(`/control?lang=${lang}`));
  await expect(control.getByText(t(lang, 'control.notice'))).toBeVisible();
  await step(testInfo, control, 'control-center');

  // 1-2. Messages: the Apple ID and its normal password.
  const messages = await openFromControlCenter(control, lang, 'messages');
  await signInApp(messages, lang, DEMO.password);

  // 3. The alert sheet, word for word.
  const sheet = messages.getByRole('alertdialog', { name: t(lang, 'clientApps.sheet.title') });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText(t(lang, 'clientApps.sheet.text'));
  await expect(sheet.getByRole('button', { name: t(lang, 'clientApps.cancel'), exact: true })).toBeVisible();
  await step(testInfo, messages, 'messages-app-specific-password-required');

  // 4. Create opens My Apple ID at the generate page, the label to be filled in.
  const [popup] = await Promise.all([messages.waitForEvent('popup'), sheet.getByRole('button', { name: t(lang, 'clientApps.create'), exact: true }).click()]);
  const site = await accountSiteTab(popup, twostep);
  await step(testInfo, site, 'my-apple-id-sign-in');

  // 5. Sign in there; the code comes to Taro's iPhone.
  const iphone = await openIPhone(control, twostep, lang);
  const seen: string[] = [];
  await signInToAccountSite(site, iphone, lang, testInfo, seen);

  // 6. Back on the generate page with the label filled in: Create shows the password once.
  await expect(site.getByLabel(t(lang, 'generate.label'), { exact: true })).toHaveValue(label);
  await step(testInfo, site, 'generate-page-prefilled');
  await site.getByRole('button', { name: t(lang, 'generate.create'), exact: true }).click();
  const password = await createAppPassword(site);
  await expect(site.getByText(t(lang, 'generate.shownOnce'))).toBeVisible();
  await step(testInfo, site, 'app-specific-password-shown-once');

  // 7. Pasted into Messages: signed in, the label shown.
  await messages.bringToFront();
  await expect(messages.getByLabel(t(lang, 'clientApps.password'), { exact: true })).toBeFocused();
  await messages.getByLabel(t(lang, 'clientApps.password'), { exact: true }).fill(password);
  await messages.getByRole('button', { name: t(lang, 'clientApps.signIn'), exact: true }).click();
  const messagesStatus = messages.getByRole('status');
  await expect(messagesStatus).toContainText(t(lang, 'clientApps.signedIn.withAppPassword', { label }));
  await expect(messagesStatus).toContainText(DEMO.appleId);
  await step(testInfo, messages, 'messages-signed-in-with-app-specific-password');
  await expect(control.getByRole('table', { name: t(lang, 'control.sessions.caption') })).toContainText(label);

  // 8. The third-party app (Tern Mail, a real client of the IMAP server): the normal password is
  //    "incorrect", in the server's words, with no Create button; the password is made by hand:
  //    Manage → Password and Security (a page of its own) → Generate App-Specific Password.
  const mail = await openFromControlCenter(control, lang, 'mail');
  await signInTernMail(mail, lang, DEMO.password);
  await expect(mail.getByRole('alert')).toContainText(t(lang, 'mailApp.incorrect', { appleId: DEMO.appleId }));
  // imapflow, like most clients, shows the server's text without its [AUTHENTICATIONFAILED] code.
  await expect(mail.getByRole('alert')).toContainText(t(lang, 'mailApp.serverSaid', { text: 'Authentication failed' }));
  await expect(mail.getByRole('button', { name: t(lang, 'clientApps.create'), exact: true })).toHaveCount(0);
  await step(testInfo, mail, 'mail-needs-an-app-specific-password');
  await site.bringToFront();
  await goToPasswordAndSecurity(site, twostep, lang);
  await site.getByRole('link', { name: t(lang, 'account.generate') }).click();
  await site.getByLabel(t(lang, 'generate.label'), { exact: true }).fill('Mail');
  await site.getByRole('button', { name: t(lang, 'generate.create'), exact: true }).click();
  const mailPassword = await createAppPassword(site);
  await mail.bringToFront();
  await signInTernMail(mail, lang, mailPassword);
  await expectTernMailConnected(mail, lang);
  // Apple's notification of each app-specific password made is in the INBOX.
  await expect(mail.getByRole('list', { name: t(lang, 'mailApp.messages') }).getByRole('listitem')).toHaveCount(2);
  await step(testInfo, mail, 'mail-signed-in');

  // 9. View History → Delete: Messages is signed out at once; the old password is refused.
  await site.bringToFront();
  await goToPasswordAndSecurity(site, twostep, lang);
  await site.getByRole('link', { name: t(lang, 'account.viewHistory') }).click();
  const table = site.getByRole('table', { name: t(lang, 'history.tableName') });
  await expect(table.getByRole('row')).toHaveCount(3);
  await step(testInfo, site, 'view-history');
  await table.getByRole('row').filter({ hasText: label }).getByRole('button', { name: t(lang, 'history.delete'), exact: true }).click();
  await site.getByRole('alertdialog').getByRole('button', { name: t(lang, 'history.delete'), exact: true }).click();
  await expect(table.getByRole('row')).toHaveCount(2);

  await messages.bringToFront();
  await expect(messages.getByRole('alert')).toHaveText(t(lang, 'clientApps.ended.appPasswordRevoked'));
  await expect(messages.getByRole('button', { name: t(lang, 'clientApps.signIn'), exact: true })).toBeVisible();
  await step(testInfo, messages, 'messages-signed-out-after-delete');
  await signInApp(messages, lang, password);
  await expect(messages.getByRole('alert')).toHaveText(t(lang, 'errors.INCORRECT'));
  // Mail, signed in with its own password, is untouched.
  await expectTernMailConnected(mail, lang);
  await step(testInfo, control, 'control-center-activity');
}

for (const lang of ['en', 'ja'] as const) {
  test(`the seed's flow, steps 1-9, in ${lang === 'en' ? 'English' : 'Japanese'}`, async ({ twostep, page }, testInfo) => {
    await seedFlow(twostep, page, lang, testInfo);
  });
}
