import type { Page } from '@playwright/test';
import { expect, test, type TwoStep } from './fixtures.js';
import { appCall, DEMO, openIPhone, readCodeFromIPhone, siteCall, signInViaApi } from './helpers.js';

/** Signs in on the account site's form and stops at "Verify your identity" with a code sent to the iPhone. */
async function signInUntilCode(page: Page, iphone: Page): Promise<string> {
  await page.getByLabel('Apple ID').fill(DEMO.appleId);
  await page.getByLabel('Password', { exact: true }).fill(DEMO.password);
  await page.getByRole('button', { name: 'Sign In' }).click();
  await expect(page.getByRole('heading', { name: 'Verify your identity' })).toBeVisible();
  await page.getByRole('radio', { name: /Taro's iPhone|太郎の iPhone/ }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByLabel('Verification code')).toBeVisible();
  return readCodeFromIPhone(iphone);
}

async function enterCode(page: Page, code: string): Promise<void> {
  await page.getByLabel('Verification code').fill(code);
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** Creates app-specific passwords through the API, as if made earlier. */
async function createViaApi(page: Page, twostep: TwoStep, labels: string[]): Promise<string[]> {
  await signInViaApi(page, twostep);
  const passwords: string[] = [];
  for (const label of labels) {
    const created = await siteCall<{ password: string }>(page.request, twostep, 'createAppPassword', { label });
    passwords.push(created.value.password);
  }
  return passwords;
}

async function appSignIn(page: Page, twostep: TwoStep, password: string): Promise<string> {
  const body = await appCall<{ status: string }>(page.request, twostep, 'clientSignIn', { clientKind: 'third-party', appleId: DEMO.appleId, password });
  return body.ok ? body.value.status : body.error!.code;
}

test('the deep link: sign in with the code read off the iPhone, land on the generate page with the label, create and copy', async ({ twostep, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: twostep.origin });
  await page.goto(`${twostep.origin}/account/app-passwords/new?label=${encodeURIComponent('iMessage and FaceTime')}&lang=en`);
  const iphone = await openIPhone(page, twostep);
  const code = await signInUntilCode(page, iphone);
  await enterCode(page, code);

  await expect(page.getByRole('heading', { name: 'Generate App-Specific Password' })).toBeVisible();
  await expect(page.getByLabel('Label')).toHaveValue('iMessage and FaceTime');
  await page.getByRole('button', { name: 'Create' }).click();

  const shown = page.getByText(/^[a-z]{4}-[a-z]{4}-[a-z]{4}-[a-z]{4}$/);
  await expect(shown).toBeVisible();
  const password = (await shown.textContent())!;
  await expect(page.getByText('This password will not be shown again.')).toBeVisible();
  await page.getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByText('Copied')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(password);

  // The password works where app-specific passwords do, once, as created.
  expect(await appSignIn(page, twostep, password)).toBe('SIGNED_IN');
});

test('View History lists the passwords; Delete and Revoke All ask first, then revoke', async ({ twostep, page }) => {
  const [mail, calendar, notes] = await createViaApi(page, twostep, ['Mail', 'Calendar', 'Notes']);
  await page.goto(`${twostep.origin}/account/app-passwords`);
  const table = page.getByRole('table', { name: 'App-specific passwords' });
  await expect(table.getByRole('row')).toHaveCount(4);

  const mailRow = table.getByRole('row').filter({ hasText: 'Mail' });
  await mailRow.getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(table.getByRole('row')).toHaveCount(4);
  expect(await appSignIn(page, twostep, mail!)).toBe('SIGNED_IN');

  await mailRow.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await expect(table.getByRole('row')).toHaveCount(3);
  expect(await appSignIn(page, twostep, mail!)).toBe('INCORRECT');
  expect(await appSignIn(page, twostep, calendar!)).toBe('SIGNED_IN');

  await page.getByRole('button', { name: 'Revoke All' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Revoke All' }).click();
  // Revoked, not never made: the empty list says no password is active, and does not contradict the count.
  await expect(page.getByText('No app-specific password is active.')).toBeVisible();
  await expect(page.getByText(/^App-specific passwords revoked: 2\. Apps signed out: \d+\.$/)).toBeVisible();
  expect(await appSignIn(page, twostep, calendar!)).toBe('INCORRECT');
  expect(await appSignIn(page, twostep, notes!)).toBe('INCORRECT');
});

test('five wrong codes use up the code and, as five failed guesses, lock the account a minute; then a new code works', async ({ twostep, page }) => {
  await page.goto(`${twostep.origin}/sign-in?lang=en`);
  const iphone = await openIPhone(page, twostep);
  const code = await signInUntilCode(page, iphone);
  const wrong = code === '0000' ? '1111' : '0000';
  for (const remaining of [4, 3, 2, 1]) {
    await enterCode(page, wrong);
    await expect(page.getByRole('alert')).toContainText(`Attempts remaining: ${remaining}.`);
  }
  await enterCode(page, wrong);
  await expect(page.getByRole('alert')).toHaveText('This Apple ID has been locked for security reasons. Try again in 1 min.');
  await twostep.advanceClock(60_000);
  await enterCode(page, code);
  await expect(page.getByRole('alert')).toHaveText('Too many incorrect codes. Send a new code.');
  await expect(page.getByRole('heading', { name: 'Verify your identity' })).toBeVisible();

  await page.getByRole('button', { name: 'Send a new code' }).click();
  const fresh = await readCodeFromIPhone(iphone, [code]);
  await enterCode(page, fresh);
  await expect(page.getByRole('heading', { name: 'Manage your Apple ID' })).toBeVisible();
});

test('a code typed 10 minutes after it was sent has expired; a new one works', async ({ twostep, page }) => {
  await page.goto(`${twostep.origin}/sign-in?lang=en`);
  const iphone = await openIPhone(page, twostep);
  const code = await signInUntilCode(page, iphone);
  await twostep.advanceClock(10 * 60_000);
  await enterCode(page, code);
  await expect(page.getByRole('alert')).toContainText(/expired/i);
  await page.getByRole('button', { name: 'Send a new code' }).click();
  const fresh = await readCodeFromIPhone(iphone, [code]);
  await enterCode(page, fresh);
  await expect(page.getByRole('heading', { name: 'Manage your Apple ID' })).toBeVisible();
});

test('a wrong password is refused without saying which half was wrong, in the chosen language', async ({ twostep, page }) => {
  await page.goto(`${twostep.origin}/sign-in?lang=ja`);
  await page.getByLabel('Apple ID').fill(DEMO.appleId);
  await page.getByLabel('パスワード', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'サインイン' }).click();
  await expect(page.getByRole('alert')).toHaveText('Apple ID またはパスワードが正しくありません。');
});
