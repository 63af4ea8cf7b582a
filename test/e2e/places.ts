import type { Locator, Page, TestInfo } from '@playwright/test';
import { join } from 'node:path';
import { t, type Lang } from './catalog.js';
import { expect, type TwoStep } from './fixtures.js';
import { DEMO, readCodeFromIPhone } from './helpers.js';

/** Helpers of the places' end-to-end tests (issue 19): iCloud.com, support, the App Store. */

/**
 * A picture of a new screen: kept with the test (test-results/), and — for the README — in
 * docs/screenshots/<lang>-<name>.png (made by the end-to-end run, so it shows the product as it is).
 */
export async function shot(testInfo: TestInfo, target: Page | Locator, lang: Lang, name: string, readme = false): Promise<void> {
  const path = testInfo.outputPath(`${lang}-${name}.png`);
  await target.screenshot({ path, animations: 'disabled', caret: 'hide' });
  await testInfo.attach(`${lang}-${name}`, { path, contentType: 'image/png' });
  if (readme) await target.screenshot({ path: join('docs', 'screenshots', `${lang}-${name}.png`), animations: 'disabled', caret: 'hide' });
}

/** iCloud.com's sign-in: the Apple ID, the password, "Keep me signed in" as asked, Sign In. */
export async function icloudPassword(page: Page, lang: Lang, password: string = DEMO.password, keep = false): Promise<void> {
  await page.getByLabel(t(lang, 'places.icloudWeb.appleId'), { exact: true }).fill(DEMO.appleId);
  await page.getByLabel(t(lang, 'places.icloudWeb.password'), { exact: true }).fill(password);
  const keepBox = page.getByRole('checkbox', { name: t(lang, 'places.icloudWeb.keepSignedIn') });
  if (keep) await keepBox.check();
  else await keepBox.uncheck();
  await page.getByRole('button', { name: t(lang, 'places.icloudWeb.signIn'), exact: true }).click();
}

/** iCloud.com's "Verify your identity": Taro's iPhone, the code read off the phone, Verify. */
export async function icloudCode(page: Page, iphone: Page | Locator, lang: Lang, seen: string[] = []): Promise<string> {
  await expect(page.getByRole('heading', { name: t(lang, 'places.icloudWeb.verifyTitle') })).toBeVisible();
  await page.getByRole('radio', { name: /Taro's iPhone|太郎の iPhone/ }).check();
  await page.getByRole('button', { name: t(lang, 'places.icloudWeb.send'), exact: true }).click();
  const code = await readCodeFromIPhone(iphone, seen);
  await page.getByLabel(t(lang, 'places.icloudWeb.code'), { exact: true }).fill(code);
  await page.getByRole('button', { name: t(lang, 'places.icloudWeb.verify'), exact: true }).click();
  return code;
}

/** iCloud.com's home: greeted by name, the app tiles in view. */
export async function expectICloudHome(page: Page, lang: Lang): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: t(lang, 'places.icloudWeb.greeting', { name: t(lang, 'demo.givenName') }) })).toBeVisible();
  await expect(page.getByRole('list', { name: t(lang, 'places.icloudWeb.appsLabel') }).getByRole('link')).toHaveCount(5);
}

/** The stored state of a browser that was closed and opened again: its session cookies are gone, the rest kept. */
export async function afterBrowserRestart(page: Page): Promise<Awaited<ReturnType<ReturnType<Page['context']>['storageState']>>> {
  const state = await page.context().storageState();
  return { ...state, cookies: state.cookies.filter((c) => c.expires !== -1) };
}

/** The control center's five places (its page, or the stage's panel). */
export function placesPanel(scope: Page | Locator, lang: Lang): Locator {
  return scope.getByRole('region', { name: t(lang, 'places.control.heading'), exact: true });
}

export async function openPlacesTab(page: Page, twostep: TwoStep, place: 'icloud-web' | 'support', lang: Lang, control: Page | Locator): Promise<Page> {
  const label = place === 'icloud-web' ? 'openICloudWeb' : 'openSupport';
  const [tab] = await Promise.all([
    page.context().waitForEvent('page'),
    placesPanel(control, lang).getByRole('button', { name: t(lang, `places.control.${label}`) }).click(),
  ]);
  await tab.waitForURL((url) => url.origin === twostep.origin);
  await tab.waitForLoadState();
  return tab;
}
