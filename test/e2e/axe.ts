import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Lang } from './catalog.js';
import { expect } from './fixtures.js';

/**
 * axe-core on a screen of browser mode: WCAG 2.0/2.1 A and AA and axe's best practices, with no
 * violation allowed. Each screen is scanned once it has settled (no animation running), so a
 * sheet sliding in is judged as it ends up.
 */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
}

/** Scans the page as it is now; every violation is listed (rule, impact, each target) in the failure. */
export async function scan(page: Page, lang: Lang, screen: string): Promise<void> {
  await settled(page);
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const report = violations.map(
    (v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n${v.nodes.map((n) => `      at ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`).join('\n')}`,
  );
  expect.soft(report, `axe violations on ${lang}:${screen}:\n  ${report.join('\n  ')}`).toEqual([]);
}
