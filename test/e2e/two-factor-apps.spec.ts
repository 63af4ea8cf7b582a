import type { Locator, Page } from '@playwright/test';
import { t, type Lang } from './catalog.js';
import { expect, test, type TwoStep } from './fixtures.js';
import { DEMO, readCodeFromIPhone, signInViaApi, siteCall } from './helpers.js';
import { shot } from './places.js';
import { controlPanel, dockButton, macWindow, openStage, signInMac, stageIPhone } from './stage.js';

/**
 * Messages under two-factor authentication (issue 19 part B), on the stage in both languages:
 * on OS X 10.11 or later the app asks for the code itself (no app-specific password); on 10.10
 * — chosen in the control center's Scenarios — the password alone is refused and the password
 * with the code typed straight after it signs in.
 */

async function twoFactorStage(page: Page, twostep: TwoStep, lang: Lang): Promise<void> {
  await signInViaApi(page, twostep);
  const changed = await siteCall(page.request, twostep, 'setSecurityLevel', { level: 'two-factor', currentPassword: DEMO.password });
  expect(changed.ok).toBe(true);
  await openStage(page, twostep, lang);
  await dockButton(page, lang, 'messages').click();
}

const macOsChoice = (page: Page, lang: Lang) => controlPanel(page, lang).getByLabel(t(lang, 'twoFactorApps.macOs.label'), { exact: true });
const signedInHeading = (page: Page, lang: Lang) => macWindow(page, lang, 'messages').getByRole('heading', { name: t(lang, 'clientApps.signedIn.heading'), exact: true });

for (const lang of ['en', 'ja'] as const satisfies readonly Lang[]) {
  test(`Messages on OS X 10.11 (${lang}): the password, then the code in the app; a wrong code is refused; no app-specific password`, async ({ twostep, page }, testInfo) => {
    test.setTimeout(120_000);
    await twoFactorStage(page, twostep, lang);
    await expect(macOsChoice(page, lang)).toHaveValue('10.11');
    await shot(testInfo, controlPanel(page, lang).locator('#scenario-mac-os').locator('xpath=ancestor::li[1]'), lang, 'two-factor-mac-os');

    const messages = macWindow(page, lang, 'messages');
    await signInMac(messages, lang, DEMO.appleId, DEMO.password);
    const sheet = page.getByRole('alertdialog', { name: t(lang, 'twoFactorApps.codeSheet.title') });
    await expect(sheet).toBeVisible();
    await expect(sheet).toContainText(t(lang, 'demo.iphone'));
    // No "App-specific password required" under two-factor authentication.
    await expect(page.getByRole('alertdialog', { name: t(lang, 'clientApps.sheet.title') })).toHaveCount(0);
    const field = sheet.getByLabel(t(lang, 'twoFactorApps.codeSheet.code'), { exact: true });
    await expect(field).toBeFocused();
    const code = await readCodeFromIPhone(stageIPhone(page, lang));
    expect(code).toMatch(/^\d{6}$/);
    await shot(testInfo, page, lang, 'two-factor-messages-code', true);

    // A wrong code: refused in the sheet, the field emptied for another try.
    await field.fill(code === '000000' ? '111111' : '000000');
    await sheet.getByRole('button', { name: t(lang, 'clientApps.verify'), exact: true }).click();
    await expect(sheet.getByRole('alert')).toContainText(t(lang, 'errors.CODE_INCORRECT'));
    await expect(field).toHaveValue('');
    // "Didn't get a code?" offers the trusted devices.
    await sheet.getByRole('button', { name: t(lang, 'twoFactorApps.codeSheet.noCode'), exact: true }).click();
    await expect(sheet.getByRole('list', { name: t(lang, 'twoFactorApps.codeSheet.sendAgain') }).getByRole('button')).toHaveCount(2);
    await shot(testInfo, page, lang, 'two-factor-messages-no-code');

    await field.fill(code);
    await field.press('Enter');
    await expect(sheet).toHaveCount(0);
    await expect(signedInHeading(page, lang)).toBeVisible();
    await expect(messages).toContainText(t(lang, 'clientApps.signedIn.withPassword'));
    await shot(testInfo, messages, lang, 'two-factor-messages-signed-in');
  });

  test(`Messages on OS X 10.10 (${lang}): the password alone is refused and a code sent; the password with the code after it signs in`, async ({ twostep, page }, testInfo) => {
    test.setTimeout(120_000);
    await twoFactorStage(page, twostep, lang);
    const messages = macWindow(page, lang, 'messages');
    const fontOf = (target: Locator) => target.evaluate((element) => getComputedStyle(element).fontFamily);
    expect(await fontOf(messages)).toMatch(/^-apple-system/);
    await macOsChoice(page, lang).selectOption('10.10');
    await expect(macOsChoice(page, lang)).toHaveValue('10.10');

    // Yosemite's Mac draws its type in Helvetica Neue (El Capitan's is the system's San Francisco); the iPhone keeps iOS's.
    await expect.poll(() => fontOf(messages)).toMatch(/^"Helvetica Neue"/);
    expect(await fontOf(stageIPhone(page, lang))).toMatch(/^-apple-system/);
    await signInMac(messages, lang, DEMO.appleId, DEMO.password);
    await expect(messages.getByRole('alert')).toHaveText(t(lang, 'twoFactorApps.passwordWithCode'));
    const password = messages.getByLabel(t(lang, 'clientApps.password'), { exact: true });
    await expect(password).toHaveValue('');
    await expect(password).toHaveAttribute('aria-invalid', 'true');
    // No sheet on the Mac: 10.10 asks for nothing more (the iPhone's own alert may be up meanwhile).
    for (const sheet of ['clientApps.sheet.title', 'twoFactorApps.codeSheet.title']) await expect(page.getByRole('alertdialog', { name: t(lang, sheet) })).toHaveCount(0);
    const code = await readCodeFromIPhone(stageIPhone(page, lang));
    await shot(testInfo, page, lang, 'two-factor-messages-10-10', true);

    // A wrong code after the right password: only "incorrect", as an old Mac says it.
    await signInMac(messages, lang, DEMO.appleId, DEMO.password + (code === '000000' ? '111111' : '000000'));
    await expect(messages.getByRole('alert')).toHaveText(t(lang, 'errors.INCORRECT'));

    await signInMac(messages, lang, DEMO.appleId, DEMO.password + code);
    await expect(signedInHeading(page, lang)).toBeVisible();
    await shot(testInfo, messages, lang, 'two-factor-messages-10-10-signed-in');
  });
}
