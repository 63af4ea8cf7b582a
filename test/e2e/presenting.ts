import type { Locator, Page, TestInfo } from '@playwright/test';
import { t, type Lang } from './catalog.js';
import { expect, type TwoStep } from './fixtures.js';
import { appCall } from './helpers.js';
import { controlPanel } from './stage.js';

/**
 * What a presenter checks before a talk, as measurements: the screens of the rooms TwoStep is
 * shown in, boxes that must not overlap or leave the screen, the size text is drawn at, and
 * where a line of text breaks. Screenshots of every state at every size go to test-results/.
 */

export const SCREENS = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
  { width: 800, height: 600 },
] as const;
export type Screen = (typeof SCREENS)[number];
export const LANGS = ['en', 'ja'] as const;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const screenName = (size: Screen) => `${size.width}x${size.height}`;

/** The element's box on screen; it must be rendered. */
export async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  expect(box, `${locator.toString()} has no box`).not.toBeNull();
  return box!;
}

/** Whether two boxes share any area (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
}

/** `inner` lies within `outer` (a pixel of rounding allowed). */
export function within(inner: Box, outer: Box, slack = 1): boolean {
  return inner.x >= outer.x - slack && inner.y >= outer.y - slack && inner.x + inner.width <= outer.x + outer.width + slack && inner.y + inner.height <= outer.y + outer.height + slack;
}

export const describeBox = (box: Box) => `${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}×${Math.round(box.height)}`;

/** The visible screen: the viewport, below the menu bar (which stays at the top). */
export async function viewportBox(page: Page): Promise<Box> {
  return page.evaluate(() => {
    const bar = document.querySelector('.menubar')?.getBoundingClientRect();
    const top = bar ? Math.max(0, bar.bottom) : 0;
    return { x: 0, y: top, width: document.documentElement.clientWidth, height: window.innerHeight - top };
  });
}

/**
 * The size the text of `locator` is drawn at on screen, in CSS pixels: its font size times every
 * zoom and scale on the way to the screen (what a person at the back of the room sees).
 */
export async function drawnFontSize(locator: Locator): Promise<number> {
  return locator.evaluate((element) => {
    const html = element as HTMLElement & { currentCSSZoom?: number };
    const zoom = html.currentCSSZoom ?? 1;
    const rect = html.getBoundingClientRect();
    const laidOut = html.offsetWidth * zoom;
    const transform = laidOut > 0 ? rect.width / laidOut : 1;
    return parseFloat(getComputedStyle(html).fontSize) * zoom * transform;
  });
}

/** The lines the text of `locator` takes on screen, each as the text it shows. */
export async function linesOf(locator: Locator): Promise<string[]> {
  return locator.evaluate((element) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const lines: string[] = [];
    let current = '';
    let top: number | null = null;
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      if (node.parentElement?.closest('.visually-hidden, [hidden]')) continue;
      for (let i = 0; i < node.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = Array.from(range.getClientRects()).find((r) => r.width > 0 || r.height > 0);
        if (rect && top !== null && rect.top > top + rect.height / 2) {
          lines.push(current);
          current = '';
        }
        if (rect) top = rect.top;
        current += node.data[i];
      }
    }
    if (current.trim() !== '') lines.push(current);
    return lines.filter((line) => line.trim() !== '');
  });
}

/**
 * Line breaks inside a word: each break of `locator`'s text must fall on a word boundary as
 * the language's word segmenter (ICU, in the browser) finds them — "passwor|d" or "場|所" fail.
 * Returns the breaks that do not, as "before|after".
 */
export async function breaksInsideWords(locator: Locator, lang: Lang): Promise<string[]> {
  const lines = await linesOf(locator);
  return locator.evaluate(
    (_element, { lines, lang }) => {
      const text = lines.join('');
      const boundaries = new Set<number>([0, text.length]);
      for (const segment of new Intl.Segmenter(lang, { granularity: 'word' }).segment(text)) {
        boundaries.add(segment.index);
        boundaries.add(segment.index + segment.segment.length);
      }
      const bad: string[] = [];
      let at = 0;
      for (const line of lines.slice(0, -1)) {
        at += line.length;
        if (!boundaries.has(at)) bad.push(`${text.slice(Math.max(0, at - 8), at)}|${text.slice(at, at + 8)}`);
      }
      return bad;
    },
    { lines, lang },
  );
}

/** A screenshot for the reviewer, in this test's folder under test-results/, attached to the report. */
export async function shot(testInfo: TestInfo, page: Page, name: string): Promise<void> {
  const index = String(testInfo.attachments.length + 1).padStart(2, '0');
  const path = testInfo.outputPath(`${index}-${name}.png`);
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  await testInfo.attach(`${index}-${name}`, { path, contentType: 'image/png' });
}

/** The language of every page of both origins, as the switch on any page sets it. */
export async function setLanguage(page: Page, twostep: TwoStep, lang: Lang): Promise<void> {
  expect((await appCall(page.request, twostep, 'setLanguage', { lang })).ok).toBe(true);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/**
 * The same state shown at every screen size and in both languages: `check` runs at each (the
 * layout settled), and a screenshot of each is kept. The page is left as it was found: its
 * language and its screen size.
 */
export async function atEveryScreen(
  page: Page,
  twostep: TwoStep,
  testInfo: TestInfo,
  name: string,
  check: (size: Screen, lang: Lang) => Promise<void> | void = () => undefined,
  langs: readonly Lang[] = LANGS,
): Promise<void> {
  const before = { lang: (await page.locator('html').getAttribute('lang')) as Lang, size: page.viewportSize() };
  for (const lang of langs) {
    await setLanguage(page, twostep, lang);
    for (const size of SCREENS) {
      await page.setViewportSize(size);
      await settled(page);
      await check(size, lang);
      await shot(testInfo, page, `${name}-${lang}-${screenName(size)}`);
    }
  }
  await setLanguage(page, twostep, before.lang);
  if (before.size) await page.setViewportSize(before.size);
  await settled(page);
}

/** Two animation frames with nothing moving: a resize, a sheet or a scroll has been laid out. */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
      }),
  );
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity));
}

const menuBarButton = (page: Page, lang: Lang) => page.getByRole('banner').getByRole('button', { name: t(lang, 'stage.controlCenter'), exact: true });

/** The control center's panel, opened from the menu bar if it is folded away. */
export async function openPanel(page: Page, lang: Lang): Promise<Locator> {
  const panel = controlPanel(page, lang);
  if (!(await panel.isVisible())) await menuBarButton(page, lang).click();
  await expect(panel).toBeVisible();
  return panel;
}

/** The panel folded away, where it would lie over the stage (a presenter folds it to present). */
export async function closePanelIfOver(page: Page, lang: Lang): Promise<void> {
  const panel = controlPanel(page, lang);
  if (!(await panel.isVisible())) return;
  const over = await panel.evaluate((element) => getComputedStyle(element).position === 'fixed');
  if (over) {
    await menuBarButton(page, lang).click();
    await expect(panel).toBeHidden();
  }
}

/** Large type on or off, from the control center's Presenter section, as a presenter sets it. */
export async function setLargeType(page: Page, lang: Lang, on: boolean): Promise<void> {
  const panel = await openPanel(page, lang);
  const box = panel.getByLabel(t(lang, 'stage.largeType'));
  if (on) await box.check();
  else await box.uncheck();
  await closePanelIfOver(page, lang);
  await settled(page);
}

/** The guided tour started from the panel (which is then folded away where it lies over the stage): the seed's route, or Then and now. */
export async function startTour(page: Page, lang: Lang, route: 'seed' | 'thenAndNow' = 'seed'): Promise<void> {
  const panel = await openPanel(page, lang);
  await panel.getByRole('button', { name: t(lang, route === 'seed' ? 'tour.start' : 'tour.thenAndNow.start'), exact: true }).click();
  await closePanelIfOver(page, lang);
}
