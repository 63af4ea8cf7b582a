import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { t, type Lang } from './catalog.js';
import { expect, test, type TwoStep } from './fixtures.js';
import { appCall, DEMO, readCodeFromIPhone, siteCall, signInViaApi } from './helpers.js';
import { APPS, controlPanel, dockButton, FULL_HD, macWindow, openStage, signInMac, stageIPhone, SVGA, type StageApp } from './stage.js';

/**
 * The stage as an audience sees it: no accessibility violation (axe-core, WCAG 2.1 A/AA and
 * best practices) with the tour, a sheet and a code on screen; Mac windows of a Mac's fixed size
 * (in the slide's design pixels, scaled with it) at 800×600 and at 1920×1080 — they do not
 * stretch — and the Japanese texts the issue names laid out without wrapping at 800 px.
 */

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** The windows' sizes, as the Mac originals (renderer/stage/windows.ts). */
const SIZES: Record<StageApp, { width: number; height: number }> = {
  messages: { width: 680, height: 500 },
  facetime: { width: 660, height: 470 },
  icloud: { width: 668, height: 540 },
  mail: { width: 620, height: 520 },
};

async function scan(page: Page, what: string): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity));
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const report = violations.map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n${v.nodes.map((n) => `      at ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`).join('\n')}`);
  expect.soft(report, `axe violations on the stage (${what}):\n  ${report.join('\n  ')}`).toEqual([]);
}

/** How many lines `element`'s text takes on screen. */
async function lines(element: Locator): Promise<number> {
  return element.evaluate((node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    const tops = new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top + r.height / 2)));
    // Rects of one line share a middle within a pixel or two.
    return [...tops].sort((a, b) => a - b).filter((top, i, all) => i === 0 || top - all[i - 1]! > 4).length;
  });
}

async function openAllWindows(page: Page, lang: Lang): Promise<void> {
  for (const app of Object.keys(APPS) as StageApp[]) {
    await dockButton(page, lang, app).click();
    await expect(macWindow(page, lang, app)).toBeVisible();
  }
}

/** A code on the iPhone: My Apple ID asked for one (through its API, as if in the browser). */
async function codeOnTheIPhone(page: Page, twostep: TwoStep): Promise<void> {
  const started = await siteCall<{ verificationId: string; devices: { id: number }[] }>(page.request, twostep, 'signIn', DEMO);
  await siteCall(page.request, twostep, 'sendCode', { verificationId: started.value.verificationId, deviceId: started.value.devices[0]!.id });
}

for (const lang of ['en', 'ja'] as const) {
  test(`axe finds no violation on the stage, in ${lang === 'en' ? 'English' : 'Japanese'}: the desktop, the tour, a sheet, a code, large type`, async ({ twostep, page }) => {
    test.setTimeout(120_000);
    await openStage(page, twostep, lang);
    await scan(page, 'as it opens');

    await controlPanel(page, lang).getByRole('button', { name: t(lang, 'tour.start'), exact: true }).click();
    await openAllWindows(page, lang);
    await scan(page, 'the tour started, every window open');

    const messages = macWindow(page, lang, 'messages');
    await dockButton(page, lang, 'messages').click();
    await signInMac(messages, lang, DEMO.appleId, DEMO.password);
    await expect(page.getByRole('alertdialog', { name: t(lang, 'clientApps.sheet.title') })).toBeVisible();
    await scan(page, 'the sheet in Messages');

    await codeOnTheIPhone(page, twostep);
    await readCodeFromIPhone(stageIPhone(page, lang));
    await controlPanel(page, lang).getByLabel(t(lang, 'stage.largeType')).check();
    await controlPanel(page, lang).getByLabel(t(lang, 'device.largeCode')).check();
    await scan(page, 'a code on the iPhone, large type and large code');

    await page.getByRole('banner').getByRole('button', { name: t(lang, 'stage.controlCenter'), exact: true }).click();
    await expect(controlPanel(page, lang)).toBeHidden();
    await scan(page, 'the control center folded away');
  });
}

/** The slide's scale: design pixels (a Mac's points) to screen pixels. */
const slideScale = (page: Page) => page.locator('.stage-slide').evaluate((element) => Number((element as HTMLElement).style.zoom || 1));

for (const size of [SVGA, FULL_HD]) {
  test(`at ${size.width}×${size.height} the Mac windows keep a Mac's size, scaled with the slide; nothing spills sideways, and FaceTime's Japanese fields do not wrap`, async ({ twostep, page }) => {
    await openStage(page, twostep, 'ja', size);
    await openAllWindows(page, 'ja');
    const scale = await slideScale(page);
    // A full HD screen shows the Mac at its own size; a small one scales it down a little, as a slide.
    if (size === FULL_HD) expect(scale).toBe(1);
    else expect(scale).toBeGreaterThan(0.9);
    for (const app of Object.keys(APPS) as StageApp[]) {
      await dockButton(page, 'ja', app).click();
      const box = (await page.locator(`[data-window="${app}"] .stage-window__frame`).boundingBox())!;
      const desktop = (await page.locator('.stage-desktop').boundingBox())!;
      expect(box.width, app).toBeCloseTo(SIZES[app].width * scale, 0);
      // As tall as the Mac's, or — on a desktop too short for it, as a Mac keeps windows on screen — shortened to fit above the Dock.
      if (size === FULL_HD) expect(box.height, app).toBeCloseTo(SIZES[app].height * scale, 0);
      else expect(box.height, app).toBeLessThanOrEqual(SIZES[app].height * scale + 0.5);
      expect(box.y + box.height, app).toBeLessThanOrEqual(desktop.y + desktop.height);
    }
    // The page is as wide as the screen: windows too big for the desktop are clipped by it, not the page widened.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);

    const facetime = macWindow(page, 'ja', 'facetime');
    await dockButton(page, 'ja', 'facetime').click();
    for (const field of [facetime.getByLabel('Apple ID', { exact: true }), facetime.getByLabel(t('ja', 'clientApps.password'), { exact: true })]) {
      expect((await field.boundingBox())!.height).toBeLessThan(30);
    }
    expect(await lines(facetime.getByRole('button', { name: t('ja', 'clientApps.signIn'), exact: true }))).toBe(1);
    expect(await lines(facetime.getByRole('button', { name: t('ja', 'clientApps.forgot') }))).toBe(1);
    expect(await lines(facetime.getByText(t('ja', 'clientApps.facetime.intro')))).toBeLessThanOrEqual(2);

    // Large type: the windows grow as a whole, with the slide.
    await page.getByRole('banner').getByRole('button', { name: t('ja', 'stage.controlCenter'), exact: true }).click();
    const panel = controlPanel(page, 'ja');
    if (!(await panel.isVisible())) await page.getByRole('banner').getByRole('button', { name: t('ja', 'stage.controlCenter'), exact: true }).click();
    await panel.getByLabel(t('ja', 'stage.largeType')).check();
    await expect.poll(() => slideScale(page)).toBeGreaterThan(scale * 1.1);
    const large = await slideScale(page);
    const messages = (await page.locator('[data-window="messages"] .stage-window__frame').boundingBox())!;
    expect(messages.width).toBeCloseTo(SIZES.messages.width * large, 0);
  });
}

test('a window is dragged by its title bar, and keeps its size; it cannot be dragged off the desktop for good', async ({ twostep, page }) => {
  await openStage(page, twostep, 'en');
  await dockButton(page, 'en', 'messages').click();
  const frame = page.locator('[data-window="messages"] .stage-window__frame');
  const before = (await frame.boundingBox())!;
  const title = page.locator('[data-window="messages"] .mac-titlebar__bar');
  const grip = (await title.boundingBox())!;
  await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
  await page.mouse.down();
  await page.mouse.move(grip.x + grip.width / 2 + 200, grip.y + grip.height / 2 + 120, { steps: 5 });
  await page.mouse.up();
  const after = (await frame.boundingBox())!;
  expect(after.x - before.x).toBeCloseTo(200, 0);
  expect(after.y - before.y).toBeCloseTo(120, 0);
  expect({ width: after.width, height: after.height }).toEqual({ width: before.width, height: before.height });

  // Far off to the left and up: enough of it stays on the desktop to grab it again.
  await page.mouse.move(after.x + 300, after.y + 10);
  await page.mouse.down();
  await page.mouse.move(after.x - 3000, after.y - 3000, { steps: 5 });
  await page.mouse.up();
  const desktop = (await page.locator('.stage-desktop').boundingBox())!;
  const parked = (await frame.boundingBox())!;
  expect(parked.x + parked.width).toBeGreaterThanOrEqual(desktop.x + 80);
  expect(parked.y).toBeGreaterThanOrEqual(desktop.y);
});

test("My Apple ID's history table, in Japanese at 800 px: every cell on one line, the table inside its card", async ({ twostep, page }) => {
  await page.setViewportSize(SVGA);
  await signInViaApi(page, twostep);
  const made: string[] = [];
  for (const label of ['iMessage と FaceTime', 'メール']) made.push((await siteCall<{ password: string }>(page.request, twostep, 'createAppPassword', { label })).value.password);
  expect((await appCall(page.request, twostep, 'clientSignIn', { clientKind: 'messages', appleId: DEMO.appleId, password: made[0] })).ok).toBe(true);
  await appCall(page.request, twostep, 'setLanguage', { lang: 'ja' });
  await page.goto(`${twostep.origin}/account/app-passwords`);
  const table = page.getByRole('table', { name: t('ja', 'history.tableName') });
  await expect(table.getByRole('row')).toHaveCount(3);
  // Every cell a reader sees (the actions column's heading is for screen readers only).
  for (const cell of await table.locator('th:not(:has(.visually-hidden)), td').all()) {
    const text = (await cell.innerText()).trim();
    if (text) expect(await lines(cell), `"${text}" wraps`).toBe(1);
  }
  const card = await page.locator('.card').boundingBox();
  const box = await table.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(card!.x + card!.width);
});
