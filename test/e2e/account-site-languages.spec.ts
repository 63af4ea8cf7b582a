import type { Page, TestInfo } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.js';
import { DEMO, openIPhone, signInViaApi } from './helpers.js';

/** Every top-level catalog key: a page showing "verify.title" instead of its text has a missing message. */
const catalogAreas = readdirSync('renderer/i18n/locales/en').flatMap((file) =>
  Object.keys(JSON.parse(readFileSync(join('renderer/i18n/locales/en', file), 'utf8')) as object),
);
const rawKey = new RegExp(`\\b(${catalogAreas.join('|')})\\.[A-Za-z]`);

const HEADINGS = {
  en: { signIn: 'Manage your Apple ID', verify: 'Verify your identity', unlock: 'Unlock your Apple ID', generate: 'Generate App-Specific Password', history: 'App-Specific Passwords', password: 'Change Password' },
  ja: { signIn: 'Apple ID を管理', verify: '本人確認', unlock: 'Apple ID のロックを解除', generate: 'App 用パスワードを作成', history: 'App 用パスワード', password: 'パスワードを変更' },
} as const;

async function checkScreen(page: Page, testInfo: TestInfo, lang: 'en' | 'ja', name: string, heading: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: heading, exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  const text = await page.locator('body').innerText();
  expect(text, `${name} shows a raw catalog key`).not.toMatch(rawKey);
  expect(text).toContain(lang === 'en' ? 'Not affiliated with Apple' : 'Apple とは関係ありません');
  const path = testInfo.outputPath(`${lang}-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(`${lang}-${name}`, { path, contentType: 'image/png' });
}

for (const lang of ['en', 'ja'] as const) {
  test(`every screen of the account site renders in ${lang === 'en' ? 'English' : 'Japanese'}`, async ({ twostep, page }, testInfo) => {
    const h = HEADINGS[lang];
    await page.goto(`${twostep.origin}/sign-in?lang=${lang}`);
    await checkScreen(page, testInfo, lang, 'sign-in', h.signIn);

    await page.getByLabel('Apple ID').fill(DEMO.appleId);
    await page.getByLabel(lang === 'en' ? 'Password' : 'パスワード', { exact: true }).fill(DEMO.password);
    await page.getByRole('button', { name: lang === 'en' ? 'Sign In' : 'サインイン' }).click();
    await checkScreen(page, testInfo, lang, 'verify', h.verify);

    await page.goto(`${twostep.origin}/unlock`);
    await checkScreen(page, testInfo, lang, 'unlock', h.unlock);

    await signInViaApi(page, twostep);
    await page.goto(`${twostep.origin}/account`);
    await checkScreen(page, testInfo, lang, 'manage', h.signIn);
    await page.goto(`${twostep.origin}/account/app-passwords/new?label=Mail`);
    await checkScreen(page, testInfo, lang, 'generate', h.generate);
    await page.goto(`${twostep.origin}/account/app-passwords`);
    await checkScreen(page, testInfo, lang, 'history', h.history);
    await page.goto(`${twostep.origin}/account/password`);
    await checkScreen(page, testInfo, lang, 'change-password', h.password);

    // The iPhone is another origin (the app server): its language is its own.
    const iphone = await openIPhone(page, twostep, lang);
    await expect(iphone.locator('html')).toHaveAttribute('lang', lang);
    await expect(iphone.getByRole('list', { name: lang === 'en' ? 'Notifications' : '通知' }).getByRole('listitem').first()).toContainText(
      lang === 'en' ? 'Your Apple ID Verification Code is' : '確認コード',
    );
    expect(await iphone.locator('body').innerText()).not.toMatch(rawKey);
    const path = testInfo.outputPath(`${lang}-iphone.png`);
    await iphone.screenshot({ path });
    await testInfo.attach(`${lang}-iphone`, { path, contentType: 'image/png' });
  });
}
