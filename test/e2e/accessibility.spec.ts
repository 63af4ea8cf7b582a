import type { Page } from '@playwright/test';
import { t, type Lang } from './catalog.js';
import { scan } from './axe.js';
import { expect, test, type TwoStep } from './fixtures.js';
import { DEMO, adoptPageSession, expectTernMailConnected, codeOnTopOfIPhone, openIPhone, readCodeFromIPhone, signInTernMail, signInViaApi, siteCall } from './helpers.js';

/**
 * axe-core on every screen of browser mode, in English and in Japanese: WCAG 2.0/2.1 A and AA
 * and axe's best practices, with no violation allowed. Each screen is scanned once it has
 * settled (no animation running), so a sheet sliding in is judged as it ends up.
 */
const button = (page: Page, lang: Lang, key: string) => page.getByRole('button', { name: t(lang, key), exact: true });

async function accountSite(twostep: TwoStep, page: Page, lang: Lang): Promise<void> {
  const iphone = await openIPhone(page, twostep, lang);
  await page.bringToFront();
  await page.goto(`${twostep.origin}/sign-in?lang=${lang}`);
  await expect(page.getByRole('heading', { level: 1, name: t(lang, 'signIn.title') })).toBeVisible();
  await scan(page, lang, 'sign-in');

  // A wrong password: the field marked invalid, the error in role="alert".
  await page.getByLabel(t(lang, 'signIn.appleId'), { exact: true }).fill(DEMO.appleId);
  await page.getByLabel(t(lang, 'signIn.password'), { exact: true }).fill('not-the-password');
  await button(page, lang, 'signIn.submit').click();
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toBeVisible();
  await scan(page, lang, 'sign-in with an error');

  await page.getByLabel(t(lang, 'signIn.password'), { exact: true }).fill(DEMO.password);
  await button(page, lang, 'signIn.submit').click();
  await expect(page.getByRole('heading', { level: 1, name: t(lang, 'verify.title') })).toBeVisible();
  await expect(page.getByRole('radio', { name: /Taro's iPhone|太郎の iPhone/ })).toBeVisible();
  await scan(page, lang, 'verify: choose a device');

  await button(page, lang, 'verify.lostAccess').click();
  await expect(page.getByLabel(t(lang, 'verify.recoveryKey'))).toBeVisible();
  await scan(page, lang, 'verify: recovery key');
  await page.getByLabel(t(lang, 'verify.recoveryKey')).fill('AAAA-BBBB-CCCC-DDDD');
  await button(page, lang, 'common.continue').click();
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toBeVisible();
  await scan(page, lang, 'verify: wrong recovery key');
  await button(page, lang, 'verify.useDevice').click();

  await page.getByRole('radio', { name: /Taro's iPhone|太郎の iPhone/ }).check();
  await button(page, lang, 'common.continue').click();
  await expect(page.getByLabel(t(lang, 'verify.code'))).toBeVisible();
  await scan(page, lang, 'verify: enter the code');

  const code = await readCodeFromIPhone(iphone);
  await scan(iphone, lang, 'iPhone with a notification');
  await page.getByLabel(t(lang, 'verify.code')).fill(code);
  await button(page, lang, 'common.continue').click();
  await expect(page.getByRole('heading', { level: 1, name: t(lang, 'account.title') })).toBeVisible();
  await expect(page.getByText(DEMO.appleId)).toBeVisible();
  await scan(page, lang, 'manage');
  await page.getByRole('navigation', { name: t(lang, 'account.sections') }).getByRole('link', { name: t(lang, 'account.security'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: t(lang, 'account.security') })).toBeVisible();
  await scan(page, lang, 'password and security');

  await page.getByRole('link', { name: t(lang, 'account.generate') }).click();
  await expect(page.getByRole('heading', { level: 1, name: t(lang, 'generate.title') })).toBeVisible();
  await scan(page, lang, 'generate');
  await page.getByLabel(t(lang, 'generate.label'), { exact: true }).fill('Mail');
  await button(page, lang, 'generate.create').click();
  await expect(page.getByText(/^[a-z]{4}(-[a-z]{4}){3}$/)).toBeVisible();
  await scan(page, lang, 'generate: created');
  await button(page, lang, 'generate.copy').click();
  await expect(page.getByRole('status').filter({ hasText: /\S/ })).toBeVisible();
  await scan(page, lang, 'generate: copied');

  await adoptPageSession(page, twostep);
  expect((await siteCall(page.request, twostep, 'createAppPassword', { label: 'Calendar' })).ok).toBe(true);
  await page.goto(`${twostep.origin}/account/app-passwords`);
  const table = page.getByRole('table', { name: t(lang, 'history.tableName') });
  await expect(table.getByRole('row')).toHaveCount(3);
  await scan(page, lang, 'history');
  await table.getByRole('row').filter({ hasText: 'Mail' }).getByRole('button', { name: t(lang, 'history.delete'), exact: true }).click();
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await scan(page, lang, 'history: delete confirmation');
  await page.getByRole('alertdialog').getByRole('button', { name: t(lang, 'history.delete'), exact: true }).click();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Mail' })).toBeVisible();
  await scan(page, lang, 'history: deleted');

  await page.goto(`${twostep.origin}/account/password`);
  await expect(page.getByRole('heading', { level: 1, name: t(lang, 'changePassword.title') })).toBeVisible();
  await scan(page, lang, 'change password');
  await page.getByLabel(t(lang, 'changePassword.current'), { exact: true }).fill(DEMO.password);
  await page.getByLabel(t(lang, 'changePassword.new'), { exact: true }).fill('Another-Password-2015');
  await page.getByLabel(t(lang, 'changePassword.confirm'), { exact: true }).fill('Not-the-same-2015');
  await button(page, lang, 'changePassword.submit').click();
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toBeVisible();
  await scan(page, lang, 'change password: mismatch');

  await page.goto(`${twostep.origin}/unlock`);
  await expect(page.getByRole('heading', { level: 1, name: t(lang, 'unlock.title') })).toBeVisible();
  await scan(page, lang, 'unlock');
  // The recovery key the demo account documents (README), then a trusted device, then the new password.
  await page.getByLabel(t(lang, 'signIn.appleId'), { exact: true }).fill(DEMO.appleId);
  await page.getByLabel(t(lang, 'verify.recoveryKey'), { exact: true }).fill('TWOS-TEPD-EMOK-EY');
  await button(page, lang, 'common.continue').click();
  await expect(page.getByRole('radio', { name: /Taro's iPhone|太郎の iPhone/ })).toBeFocused();
  await scan(page, lang, 'unlock: choose a device');
  await button(page, lang, 'common.continue').click();
  await expect(page.getByLabel(t(lang, 'verify.code'))).toBeFocused();
  await scan(page, lang, 'unlock: code and new password');
}

/** Opens an app in a tab of its own, in the test's language. */
async function openApp(page: Page, twostep: TwoStep, lang: Lang, path: string): Promise<Page> {
  const app = await page.context().newPage();
  await app.goto(twostep.appUrl(`/${path}?lang=${lang}`));
  await expect(button(app, lang, 'clientApps.signIn')).toBeVisible();
  return app;
}

async function signInApp(app: Page, lang: Lang, password: string): Promise<void> {
  await app.getByLabel(t(lang, 'clientApps.appleId'), { exact: true }).fill(DEMO.appleId);
  await app.getByLabel(t(lang, 'clientApps.password'), { exact: true }).fill(password);
  await button(app, lang, 'clientApps.signIn').click();
}

async function controlCenterAndApps(twostep: TwoStep, page: Page, lang: Lang): Promise<void> {
  await page.goto(twostep.appUrl(`/control?lang=${lang}`));
  await expect(page.getByText(t(lang, 'control.notice'))).toBeVisible();
  await expect(page.getByRole('table', { name: t(lang, 'control.activity.caption') })).not.toHaveAttribute('aria-busy');
  await scan(page, lang, 'control center');

  await button(page, lang, 'control.scenarios.changePassword').click();
  await expect(page.getByRole('dialog', { name: t(lang, 'control.changePassword.title') })).toBeVisible();
  await scan(page, lang, 'control center: Change Password dialog');
  await page.keyboard.press('Escape');
  await button(page, lang, 'control.scenarios.resetDemo').click();
  await expect(page.getByRole('alertdialog', { name: t(lang, 'control.reset.title') })).toBeVisible();
  await scan(page, lang, 'control center: Reset Demo dialog');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await button(page, lang, 'tour.start').click();
  await expect(button(page, lang, 'tour.end')).toBeVisible();
  await scan(page, lang, 'control center: tour started');

  // Messages: the form, the sheet, signed in, then signed out by a revoked password.
  const messages = await openApp(page, twostep, lang, 'messages');
  await scan(messages, lang, 'Messages: sign-in');
  await signInApp(messages, lang, DEMO.password);
  await expect(messages.getByRole('alertdialog')).toBeVisible();
  await scan(messages, lang, 'Messages: app-specific password sheet');
  await button(messages, lang, 'clientApps.cancel').click();
  await signInViaApi(page, twostep);
  const created = await siteCall<{ password: string; appPassword: { id: number } }>(page.request, twostep, 'createAppPassword', {
    label: t(lang, 'clientApps.sheet.label'),
  });
  await signInApp(messages, lang, created.value.password);
  await expect(messages.getByRole('status')).toContainText(DEMO.appleId);
  await scan(messages, lang, 'Messages: signed in');
  await messages.getByRole('tab', { name: t(lang, 'clientApps.messages.general') }).click();
  await expect(messages.getByRole('tab', { name: t(lang, 'clientApps.messages.general') })).toHaveAttribute('aria-selected', 'true');
  await scan(messages, lang, 'Messages: General tab');
  await messages.getByRole('tab', { name: t(lang, 'clientApps.messages.accounts') }).click();

  // FaceTime: the form, the sheet, signed in with the same password.
  const facetime = await openApp(page, twostep, lang, 'facetime');
  await scan(facetime, lang, 'FaceTime: sign-in');
  await signInApp(facetime, lang, DEMO.password);
  await expect(facetime.getByRole('alertdialog')).toBeVisible();
  await scan(facetime, lang, 'FaceTime: app-specific password sheet');
  await facetime.keyboard.press('Escape');
  await signInApp(facetime, lang, created.value.password);
  await expect(facetime.getByRole('status')).toContainText(DEMO.appleId);
  await scan(facetime, lang, 'FaceTime: signed in');
  // Each window keeps an event stream open, and Chromium allows six connections per host:
  // a window done with is closed, so the next one's calls are not queued behind them.
  await facetime.close();

  // Tern Mail: the form, the plain refusal (with the teaching hint), the INBOX with a message open.
  const mail = await openApp(page, twostep, lang, 'mail');
  await scan(mail, lang, 'Mail: sign-in');
  await signInTernMail(mail, lang, DEMO.password);
  await expect(mail.getByRole('alert')).toContainText(t(lang, 'mailApp.incorrect', { appleId: DEMO.appleId }));
  await mail.getByLabel(t(lang, 'mailApp.hint.setting'), { exact: true }).check();
  await expect(mail.getByRole('alert')).toContainText(t(lang, 'mailApp.hint.text'));
  await scan(mail, lang, 'Mail: refused, with the teaching hint');
  const mailPassword = await siteCall<{ password: string }>(page.request, twostep, 'createAppPassword', { label: 'Mail' });
  await signInTernMail(mail, lang, mailPassword.value.password);
  await expectTernMailConnected(mail, lang);
  await mail.getByRole('list', { name: t(lang, 'mailApp.messages') }).getByRole('button').first().click();
  await expect(mail.getByRole('article')).toBeVisible();
  await scan(mail, lang, 'Mail: signed in, a message open');
  await mail.close();

  // iCloud: the form, the device choice, the code, signed in.
  const iphone = await openIPhone(page, twostep, lang);
  const seen = [await codeOnTopOfIPhone(iphone)];
  const icloud = await openApp(page, twostep, lang, 'icloud');
  await scan(icloud, lang, 'iCloud: sign-in');
  await signInApp(icloud, lang, DEMO.password);
  await expect(icloud.getByRole('radio', { name: /Taro's iPhone|太郎の iPhone/ })).toBeVisible();
  await scan(icloud, lang, 'iCloud: choose a device');
  await button(icloud, lang, 'clientApps.continue').click();
  await expect(icloud.getByLabel(t(lang, 'clientApps.icloud.code'))).toBeVisible();
  await scan(icloud, lang, 'iCloud: enter the code');
  await icloud.getByLabel(t(lang, 'clientApps.icloud.code')).fill(await readCodeFromIPhone(iphone, seen));
  await button(icloud, lang, 'clientApps.verify').click();
  await expect(icloud.getByRole('status')).toContainText(DEMO.appleId);
  await scan(icloud, lang, 'iCloud: signed in');

  // Messages signed out by the revoked password, with the notice; the control center full of activity.
  await siteCall(page.request, twostep, 'revokeAppPassword', { appPasswordId: created.value.appPassword.id });
  await expect(messages.getByRole('alert')).toHaveText(t(lang, 'clientApps.ended.appPasswordRevoked'));
  await scan(messages, lang, 'Messages: signed-out notice');
  await expect(page.getByRole('table', { name: t(lang, 'control.sessions.caption') })).toContainText(DEMO.appleId);
  await scan(page, lang, 'control center: sessions and activity');
}

// Long walks through every screen, each scanned: more than the default minute on a busy machine.
test.describe.configure({ timeout: 150_000 });

for (const lang of ['en', 'ja'] as const) {
  const name = lang === 'en' ? 'English' : 'Japanese';
  test(`axe finds no violation on any screen of the account site and the iPhone, in ${name}`, async ({ twostep, page }) => {
    // Every screen of the site scanned in full, on two shared cores beside the other workers.
    test.setTimeout(150_000);
    await accountSite(twostep, page, lang);
  });
  test(`axe finds no violation in the control center and the four apps, in ${name}`, async ({ twostep, page }) => {
    // A dozen full axe scans, Tern Mail's four among them, on a machine of two shared cores.
    test.setTimeout(150_000);
    await controlCenterAndApps(twostep, page, lang);
  });
}
