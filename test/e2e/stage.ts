import type { Locator, Page } from '@playwright/test';
import { join } from 'node:path';
import { tourPosition, type TourStepId } from '../../preload/contract/presenter.js';
import { t, type Lang } from './catalog.js';
import { expect, type TwoStep } from './fixtures.js';

/** The stage's Mac apps, and the catalog keys of their window's heading and of their Dock button. */
export const APPS = {
  messages: { window: 'clientApps.messages.name', dock: 'clientApps.messages.name' },
  facetime: { window: 'clientApps.facetime.name', dock: 'clientApps.facetime.name' },
  icloud: { window: 'clientApps.icloud.name', dock: 'clientApps.icloud.systemPreferences' },
  mail: { window: 'mailApp.name', dock: 'mailApp.name' },
} as const;
export type StageApp = keyof typeof APPS;

export const FULL_HD = { width: 1920, height: 1080 };
export const SVGA = { width: 800, height: 600 };

/** The stage as `npm run web` opens it: its address with this launch's key. */
export async function openStage(page: Page, twostep: TwoStep, lang: Lang, size = FULL_HD): Promise<void> {
  await page.setViewportSize(size);
  await page.goto(twostep.appUrl(`/stage?lang=${lang}`));
  await expect(dock(page, lang)).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

export const dock = (page: Page, lang: Lang) => page.getByRole('navigation', { name: t(lang, 'stage.dock'), exact: true });
export const dockButton = (page: Page, lang: Lang, app: StageApp) => dock(page, lang).getByRole('button', { name: t(lang, APPS[app].dock), exact: true });
/** A Mac window of the stage: a region named by its heading. */
export const macWindow = (page: Page, lang: Lang, app: StageApp) => page.getByRole('region', { name: t(lang, APPS[app].window), exact: true });
export const stageIPhone = (page: Page, lang: Lang) => page.getByRole('complementary', { name: t(lang, 'stage.iphone'), exact: true });
export const controlPanel = (page: Page, lang: Lang) => page.getByRole('complementary', { name: t(lang, 'control.title'), exact: true });
/** The tour's coach mark: the step beside the ring round the next thing to click. */
export const coach = (page: Page) => page.locator('section.coach');
export const coachRing = (page: Page) => page.locator('.coach-ring');

/** The ring of the coach mark is round `target` (with its margin). */
export async function expectRingAround(page: Page, target: Locator): Promise<void> {
  await expect(async () => {
    const ring = await coachRing(page).boundingBox();
    const box = await target.boundingBox();
    expect(ring).not.toBeNull();
    expect(box).not.toBeNull();
    expect(ring!.x).toBeLessThanOrEqual(box!.x);
    expect(ring!.y).toBeLessThanOrEqual(box!.y);
    expect(ring!.x + ring!.width).toBeGreaterThanOrEqual(box!.x + box!.width);
    expect(ring!.y + ring!.height).toBeGreaterThanOrEqual(box!.y + box!.height);
  }).toPass({ timeout: 10_000 });
}

/** The coach mark shows step `n` of its route, titled as the catalog says. */
export async function expectCoachStep(page: Page, lang: Lang, n: number, id: TourStepId): Promise<void> {
  const bubble = coach(page);
  const { total } = tourPosition(id);
  await expect(bubble).toContainText(t(lang, 'tour.progress', { n, total }));
  await expect(bubble.getByRole('heading', { name: t(lang, `tour.steps.${id}.title`) })).toBeVisible();
  await expect(bubble).toContainText(t(lang, `tour.steps.${id}.seed`));
}

export async function signInMac(app: Locator, lang: Lang, appleId: string, password: string): Promise<void> {
  await app.getByLabel(t(lang, 'clientApps.appleId'), { exact: true }).fill(appleId);
  await app.getByLabel(t(lang, 'clientApps.password'), { exact: true }).fill(password);
  await app.getByRole('button', { name: t(lang, 'clientApps.signIn'), exact: true }).click();
}

/**
 * A picture for the README, made by the end-to-end run so it always shows the product as it is
 * (docs/screenshots/<lang>-<name>.png, committed). Animations are stopped for it.
 */
export async function readmeScreenshot(target: Page | Locator, lang: Lang, name: string): Promise<void> {
  await target.screenshot({ path: join('docs', 'screenshots', `${lang}-${name}.png`), animations: 'disabled', caret: 'hide' });
}
