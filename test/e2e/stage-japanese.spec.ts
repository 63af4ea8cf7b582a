import type { Locator, Page } from '@playwright/test';
import { t } from './catalog.js';
import { expect, test } from './fixtures.js';
import { DEMO, expectTernMailConnected, readCodeFromIPhone, siteCall, signInTernMail, signInViaApi } from './helpers.js';
import { atEveryScreen, breaksInsideWords, linesOf, openPanel, setLanguage, setLargeType, SCREENS, screenName, settled, shot } from './presenting.js';
import { dockButton, macWindow, openStage, stageIPhone } from './stage.js';

/**
 * The stage in Japanese as a Japanese audience reads it: the iPhone is 太郎の iPhone (as iOS
 * names it) beside 山田 太郎; a sentence never leaves its last syllable alone on a line
 * ("…してくださ / い。"); and the notification mails Tern Mail shows are in the presenter's
 * language unless the presenter chose another.
 */

const IPHONE_JA = '太郎の iPhone';

test('太郎の iPhone, not "Taro\'s iPhone", wherever a Japanese stage names the demo iPhone', async ({ twostep, page }, testInfo) => {
  test.setTimeout(120_000);
  await openStage(page, twostep, 'ja');
  const started = await siteCall<{ verificationId: string; devices: { id: number; maskedName: string }[] }>(page.request, twostep, 'signIn', DEMO);
  await siteCall(page.request, twostep, 'sendCode', { verificationId: started.value.verificationId, deviceId: started.value.devices[0]!.id });
  const iphone = page.getByRole('complementary', { name: IPHONE_JA, exact: true });
  await expect(iphone).toBeVisible();
  await readCodeFromIPhone(iphone);
  await expect(iphone.getByRole('listitem').first()).toContainText(IPHONE_JA);
  await expect(iphone).not.toContainText("Taro's iPhone");
  const panel = await openPanel(page, 'ja');
  await expect(panel.getByRole('button', { name: `${IPHONE_JA} を開く`, exact: true })).toBeVisible();
  await expect(panel.getByRole('region', { name: t('ja', 'control.activity.heading') })).toContainText(IPHONE_JA);
  await expect(panel).not.toContainText("Taro's iPhone");
  await atEveryScreen(page, twostep, testInfo, 'iphone-named', async (_size, lang) => {
    await expect(stageIPhone(page, lang).getByRole('listitem').first()).toContainText(lang === 'ja' ? IPHONE_JA : "Taro's iPhone");
  });

  // My Apple ID offers it by that name too.
  const site = await page.context().newPage();
  await site.goto(`${twostep.origin}/sign-in`);
  await site.getByLabel(t('ja', 'signIn.appleId'), { exact: true }).fill(DEMO.appleId);
  await site.getByLabel(t('ja', 'signIn.password'), { exact: true }).fill(DEMO.password);
  await site.getByRole('button', { name: t('ja', 'signIn.submit'), exact: true }).click();
  await expect(site.getByRole('radio', { name: new RegExp(IPHONE_JA) })).toBeVisible();
  await shot(testInfo, site, 'my-apple-id-device-ja');
});

/** The text's last line is more than a syllable and its punctuation, and no word is split. */
async function expectNoOrphan(text: Locator, what: string): Promise<void> {
  const lines = await linesOf(text);
  const last = lines.at(-1)!.trim();
  expect(lines.length === 1 || [...last].length > 3, `${what}: "${last}" is left alone on the last line of ${JSON.stringify(lines)}`).toBe(true);
  expect(await breaksInsideWords(text, 'ja'), `${what}: a word is split across lines in ${JSON.stringify(lines)}`).toEqual([]);
}

test('a Japanese sentence never leaves "い。" alone on a line: Messages, FaceTime and the sheet, at every size, with and without Large type', async ({ twostep, page }, testInfo) => {
  test.setTimeout(180_000);
  await openStage(page, twostep, 'ja');
  for (const app of ['facetime', 'messages'] as const) await dockButton(page, 'ja', app).click();
  const messages = macWindow(page, 'ja', 'messages');
  const facetime = macWindow(page, 'ja', 'facetime');
  for (const large of [false, true]) {
    await page.setViewportSize(SCREENS[0]);
    await setLargeType(page, 'ja', large);
    for (const size of SCREENS) {
      await page.setViewportSize(size);
      await settled(page);
      const what = `${screenName(size)}${large ? ', Large type' : ''}`;
      await dockButton(page, 'ja', 'facetime').click();
      await expectNoOrphan(facetime.getByText(t('ja', 'clientApps.facetime.intro')), `FaceTime, ${what}`);
      await dockButton(page, 'ja', 'messages').click();
      await expectNoOrphan(messages.getByText(t('ja', 'clientApps.messages.signInPrompt')), `Messages, ${what}`);
      await shot(testInfo, page, `messages-prompt-ja-${screenName(size)}${large ? '-large-type' : ''}`);
    }
  }
  await page.setViewportSize(SCREENS[0]);
  await messages.getByLabel('Apple ID', { exact: true }).fill(DEMO.appleId);
  await messages.getByLabel(t('ja', 'clientApps.password'), { exact: true }).fill(DEMO.password);
  await messages.getByRole('button', { name: t('ja', 'clientApps.signIn'), exact: true }).click();
  const sheetText = page.getByRole('alertdialog').getByText(t('ja', 'clientApps.sheet.text'));
  await atEveryScreen(page, twostep, testInfo, 'sheet-text', async (size) => expectNoOrphan(sheetText, `the sheet, ${screenName(size)}`), ['ja']);
});

/** The subjects in Tern Mail's list, newest first, as they read on screen (not the "Unread:" said to screen readers). */
async function inboxSubjects(mail: Locator): Promise<string[]> {
  return mail
    .getByRole('list', { name: /Messages|メッセージ/ })
    .locator('.mail-list__subject')
    .evaluateAll((subjects) =>
      subjects.map((subject) => {
        const seen = subject.cloneNode(true) as HTMLElement;
        seen.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
        return seen.textContent.trim();
      }),
    );
}

async function newPassword(page: Page, twostep: Parameters<typeof signInViaApi>[1], label: string): Promise<string> {
  return (await siteCall<{ password: string }>(page.request, twostep, 'createAppPassword', { label })).value.password;
}

test("Tern Mail's notification mails follow the presenter's language, unless the presenter chose one", async ({ twostep, page }, testInfo) => {
  test.setTimeout(120_000);
  await openStage(page, twostep, 'ja');
  await signInViaApi(page, twostep);
  await dockButton(page, 'ja', 'mail').click();
  const mail = macWindow(page, 'ja', 'mail');
  await signInTernMail(mail, 'ja', await newPassword(page, twostep, 'Mail'));
  await expectTernMailConnected(mail, 'ja');
  const createdJa = 'Apple ID の App 用パスワードが作成されました';
  const createdEn = 'An app-specific password was created for your Apple ID';
  await expect.poll(() => inboxSubjects(mail)).toEqual([createdJa]);
  await atEveryScreen(page, twostep, testInfo, 'tern-mail-inbox', undefined, ['ja']);

  // Chosen otherwise (English mails for a Japanese audience): that holds whatever the pages do.
  const section = (await openPanel(page, 'ja')).getByRole('region', { name: t('ja', 'mailServers.title') });
  await section.getByLabel(t('ja', 'mailServers.language')).selectOption('en');
  await newPassword(page, twostep, 'Second');
  await expect.poll(() => inboxSubjects(mail)).toEqual([createdEn, createdJa]);
  await setLanguage(page, twostep, 'en');
  await setLanguage(page, twostep, 'ja');
  await newPassword(page, twostep, 'Third');
  await expect.poll(() => inboxSubjects(mail)).toEqual([createdEn, createdEn, createdJa]);

  // Back to following the pages.
  await section.getByLabel(t('ja', 'mailServers.language')).selectOption('pages');
  await newPassword(page, twostep, 'Fourth');
  await expect.poll(() => inboxSubjects(mail)).toEqual([createdJa, createdEn, createdEn, createdJa]);
  await shot(testInfo, page, 'tern-mail-follows-again');
});
