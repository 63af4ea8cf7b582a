import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import { t, type Lang } from './catalog.js';
import { expect, test, type TwoStep } from './fixtures.js';
import { DEMO, goToPasswordAndSecurity, latestCode, openIPhone, readCodeFromIPhone, siteCall } from './helpers.js';
import { expectICloudHome, icloudCode, icloudPassword, placesPanel, shot } from './places.js';

/**
 * "Trust this browser?" under two-factor authentication (issue 19, part B), in both languages:
 * after the code My Apple ID and iCloud.com ask; Trust lets this browser sign in there with the
 * password alone, Not Now asks for a code again, and a browser removed at My Apple ID or ended
 * in the control center asks for a code again too.
 */

/** The demo account switched to two-factor authentication, through My Apple ID's API in a request context of its own. */
async function switchToTwoFactor(request: APIRequestContext, twostep: TwoStep): Promise<void> {
  const started = await siteCall<{ verificationId: string; devices: { id: number }[] }>(request, twostep, 'signIn', DEMO);
  const { verificationId, devices } = started.value;
  await siteCall(request, twostep, 'sendCode', { verificationId, deviceId: devices[0]!.id });
  const verified = await siteCall<{ sessionKey: string }>(request, twostep, 'verifyCode', { verificationId, code: await latestCode(request, twostep) });
  twostep.siteSessionKey = verified.value.sessionKey;
  try {
    expect((await siteCall(request, twostep, 'setSecurityLevel', { level: 'two-factor', currentPassword: DEMO.password })).ok).toBe(true);
    await siteCall(request, twostep, 'signOut');
  } finally {
    delete twostep.siteSessionKey;
  }
}

/** axe-core on the new screen as it is now (WCAG 2.0/2.1 A and AA and best practices, as accessibility.spec.ts). */
async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect.soft(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `axe on ${screen}`).toEqual([]);
}

async function sitePassword(page: Page, lang: Lang): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: t(lang, 'signIn.title') })).toBeVisible();
  await page.getByLabel(t(lang, 'signIn.appleId'), { exact: true }).fill(DEMO.appleId);
  await page.getByLabel(t(lang, 'signIn.password'), { exact: true }).fill(DEMO.password);
  await page.getByRole('button', { name: t(lang, 'signIn.submit'), exact: true }).click();
}

/** My Apple ID's code step: Taro's iPhone, the 6-digit code read off it, Continue. */
async function siteCode(page: Page, iphone: Page, lang: Lang, seen: string[]): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: t(lang, 'verify.title') })).toBeVisible();
  await page.getByRole('radio', { name: /Taro's iPhone|太郎の iPhone/ }).check();
  await page.getByRole('button', { name: t(lang, 'common.continue'), exact: true }).click();
  const code = await readCodeFromIPhone(iphone, seen);
  expect(code).toMatch(/^\d{6}$/);
  seen.push(code);
  await page.getByLabel(t(lang, 'verify.code'), { exact: true }).fill(code);
  await page.getByRole('button', { name: t(lang, 'common.continue'), exact: true }).click();
}

async function answerTrust(page: Page, lang: Lang, choice: 'trust' | 'notNow' | 'dontTrust'): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: t(lang, 'trustedBrowsers.prompt.title') })).toBeVisible();
  await page.getByRole('button', { name: t(lang, `trustedBrowsers.prompt.${choice}`), exact: true }).click();
}

async function expectManagePage(page: Page, lang: Lang): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: t(lang, 'account.title') })).toBeVisible();
  await expect(page.getByText(DEMO.appleId)).toBeVisible();
}

async function siteSignOut(page: Page, lang: Lang): Promise<void> {
  await page.goto(`${page.url().split('/account')[0]}/account`);
  await page.getByRole('button', { name: t(lang, 'account.signOut'), exact: true }).click();
}

for (const lang of ['en', 'ja'] as const satisfies readonly Lang[]) {
  test(`My Apple ID (${lang}), two-factor: Trust this browser? — Not Now asks for a code again; Trust signs in with the password alone; Remove asks for a code again`, async ({ twostep, page, request }, testInfo) => {
    test.setTimeout(120_000);
    await switchToTwoFactor(request, twostep);
    await page.setViewportSize({ width: 1280, height: 860 });
    const iphone = await openIPhone(page, twostep, lang);
    await page.bringToFront();
    const seen: string[] = [];
    await page.goto(`${twostep.origin}/account?lang=${lang}`);

    // The code, then the question: Not Now.
    await sitePassword(page, lang);
    await siteCode(page, iphone, lang, seen);
    await expect(page.getByRole('button', { name: t(lang, 'trustedBrowsers.prompt.trust'), exact: true })).toBeFocused();
    await expect(page.getByRole('group', { name: t(lang, 'trustedBrowsers.prompt.choices') }).getByRole('button')).toHaveText([
      t(lang, 'trustedBrowsers.prompt.dontTrust'),
      t(lang, 'trustedBrowsers.prompt.notNow'),
      t(lang, 'trustedBrowsers.prompt.trust'),
    ]);
    await shot(testInfo, page, lang, 'site-trust-this-browser');
    await expectNoAxeViolations(page, `${lang}: My Apple ID, Trust this browser?`);
    await answerTrust(page, lang, 'notNow');
    await expectManagePage(page, lang);
    await siteSignOut(page, lang);

    // Not trusted: a code again; this time Trust.
    await sitePassword(page, lang);
    await siteCode(page, iphone, lang, seen);
    await answerTrust(page, lang, 'trust');
    await expectManagePage(page, lang);
    await siteSignOut(page, lang);

    // Trusted: the password alone.
    await sitePassword(page, lang);
    await expectManagePage(page, lang);

    // Password and Security lists this browser; Remove.
    await goToPasswordAndSecurity(page, twostep, lang);
    const list = page.getByRole('list', { name: t(lang, 'trustedBrowsers.list.label') });
    const name = t(lang, 'trustedBrowsers.browserName', { browser: 'Chrome', os: 'Linux' });
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(list.getByRole('listitem')).toContainText(name);
    await expect(list.getByRole('listitem')).toContainText(t(lang, 'trustedBrowsers.places.account-site'));
    await shot(testInfo, page, lang, 'site-trusted-browsers');
    await expectNoAxeViolations(page, `${lang}: Password and Security, trusted browsers`);
    await list.getByRole('button', { name: t(lang, 'trustedBrowsers.list.removeLabel', { name, place: t(lang, 'trustedBrowsers.places.account-site') }) }).click();
    await expect(page.getByRole('status').filter({ hasText: name })).toHaveText(t(lang, 'trustedBrowsers.list.removed', { name }));
    await expect(page.getByText(t(lang, 'trustedBrowsers.list.none'))).toBeVisible();
    await siteSignOut(page, lang);

    // Removed: a code again.
    await sitePassword(page, lang);
    await expect(page.getByRole('heading', { level: 1, name: t(lang, 'verify.title') })).toBeVisible();
  });

  test(`iCloud.com (${lang}), two-factor: Trust this browser? — Trust signs in with the password alone; the control center lists it and End asks for a code again`, async ({ twostep, page, request }, testInfo) => {
    test.setTimeout(120_000);
    await switchToTwoFactor(request, twostep);
    await page.setViewportSize({ width: 1280, height: 860 });
    const iphone = await openIPhone(page, twostep, lang);
    await page.bringToFront();
    await page.goto(`${twostep.origin}/icloud?lang=${lang}`);

    await icloudPassword(page, lang);
    const first = await icloudCode(page, iphone, lang);
    await expect(page.getByRole('button', { name: t(lang, 'trustedBrowsers.prompt.trust'), exact: true })).toBeFocused();
    await shot(testInfo, page, lang, 'icloud-web-trust-this-browser');
    await expectNoAxeViolations(page, `${lang}: iCloud.com, Trust this browser?`);
    await answerTrust(page, lang, 'trust');
    await expectICloudHome(page, lang);
    await page.getByRole('button', { name: t(lang, 'places.icloudWeb.signOut'), exact: true }).click();

    // Trusted: the password alone.
    await icloudPassword(page, lang);
    await expectICloudHome(page, lang);

    // The control center lists it, with End.
    const control = await page.context().newPage();
    await control.goto(twostep.appUrl(`/control?lang=${lang}`));
    const part = placesPanel(control, lang).locator('[data-part="trusted-browsers"]');
    const name = t(lang, 'trustedBrowsers.browserName', { browser: 'Chrome', os: 'Linux' });
    const place = t(lang, 'trustedBrowsers.places.icloud-web');
    const row = part.getByRole('row').filter({ hasText: name });
    await expect(row).toContainText(place);
    await expect(row).toContainText(DEMO.appleId);
    await shot(testInfo, part, lang, 'control-trusted-browsers');
    await row.getByRole('button', { name: t(lang, 'trustedBrowsers.control.endLabel', { name, place, appleId: DEMO.appleId }) }).click();
    await expect(part).toContainText(t(lang, 'trustedBrowsers.control.none'));

    // Ended: a code again.
    await page.bringToFront();
    await page.getByRole('button', { name: t(lang, 'places.icloudWeb.signOut'), exact: true }).click();
    await icloudPassword(page, lang);
    await icloudCode(page, iphone, lang, [first]);
    await answerTrust(page, lang, 'dontTrust');
    await expectICloudHome(page, lang);
  });
}
