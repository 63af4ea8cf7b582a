import type { Locator, Page } from '@playwright/test';
import { ImapFlow } from 'imapflow';
import { t, type Lang } from './catalog.js';
import { expect, test, type TwoStep } from './fixtures.js';
import { appCall, DEMO, expectTernMailConnected, goToPasswordAndSecurity, signInTernMail, signInViaApi, siteCall } from './helpers.js';
import { breaksInsideWords, LANGS, linesOf, openPanel, setLanguage, settled, shot } from './presenting.js';
import { controlPanel, dockButton, macWindow, openStage } from './stage.js';

/**
 * The control center tells the truth about who is signed in where — every client, the mail
 * clients included, named as View History names them — and its tables can be read on a
 * projector from 1366 px up, in both languages: no clipped word, no word broken across lines,
 * every column heading on one line.
 */

/** A real mail client of another maker, signed in over IMAP and naming itself (IMAP ID) as Thunderbird does. */
async function thunderbird(twostep: TwoStep, password: string): Promise<ImapFlow> {
  const client = new ImapFlow({
    host: '127.0.0.1',
    port: twostep.imapPort,
    secure: false,
    doSTARTTLS: false,
    auth: { user: DEMO.appleId, pass: password },
    clientInfo: { name: 'Thunderbird', version: '38.5.0' },
    logger: false,
  });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

const sessionsRegion = (scope: Page | Locator, lang: Lang) => scope.getByRole('region', { name: t(lang, 'control.sessions.heading') });

test('"Who is signed in where" lists every client — Messages, Tern Mail, Thunderbird — by the names View History gives them', async ({ twostep, page }, testInfo) => {
  await signInViaApi(page, twostep);
  const made = async (label: string) => (await siteCall<{ password: string }>(page.request, twostep, 'createAppPassword', { label })).value.password;
  const forMessages = await made('iMessage and FaceTime');
  const forTern = await made('Mail');
  const forThunderbird = await made('Thunderbird on the laptop');
  expect((await appCall(page.request, twostep, 'clientSignIn', { clientKind: 'messages', appleId: DEMO.appleId, password: forMessages })).ok).toBe(true);
  const external = await thunderbird(twostep, forThunderbird);
  try {
    await openStage(page, twostep, 'en');
    await dockButton(page, 'en', 'mail').click();
    const mail = macWindow(page, 'en', 'mail');
    await signInTernMail(mail, 'en', forTern);
    await expectTernMailConnected(mail, 'en');

    const sessions = sessionsRegion(await openPanel(page, 'en'), 'en');
    const row = (name: string) => sessions.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: false }) });
    await expect(row(t('en', 'control.apps.messages'))).toContainText('iMessage and FaceTime');
    await expect(row('Tern Mail')).toContainText('“Mail”');
    await expect(row('Tern Mail')).toContainText(DEMO.appleId);
    await expect(row('Thunderbird')).toContainText('Thunderbird on the laptop');
    await sessions.scrollIntoViewIfNeeded();
    await shot(testInfo, page, 'who-is-signed-in-where');

    // View History names the same clients the same way.
    const site = await page.context().newPage();
    await goToPasswordAndSecurity(site, twostep, 'en');
    await site.getByRole('link', { name: t('en', 'account.viewHistory') }).click();
    const history = site.getByRole('table', { name: t('en', 'history.tableName') });
    await expect(history.getByRole('row').filter({ hasText: 'Mail' }).first()).toContainText('Tern Mail');
    await expect(history.getByRole('row').filter({ hasText: 'Thunderbird on the laptop' })).toContainText('Thunderbird');

    // Thunderbird logs out: its row goes at once.
    await external.logout();
    await expect(row('Thunderbird')).toHaveCount(0);
    await expect(row('Tern Mail')).toContainText('“Mail”');
  } finally {
    external.close();
  }
});

/** Shown to the eye: not hidden, and more than the pixel a visually hidden heading (for screen readers) keeps. */
async function seen(cell: Locator): Promise<boolean> {
  const box = await cell.boundingBox();
  return box !== null && box.width > 2 && box.height > 2 && (await cell.isVisible());
}

/** Every cell of every table in `scope`: nothing clipped, no word broken, column headings on one line. */
async function expectReadableTables(scope: Locator, lang: Lang, what: string): Promise<void> {
  const tables = scope.locator('table');
  expect(await tables.count(), `${what}: no table`).toBeGreaterThan(0);
  for (const table of await tables.all()) {
    if (!(await table.isVisible())) continue;
    const name = (await table.locator('caption').textContent()) ?? (await table.getAttribute('class'));
    for (const cell of await table.locator('th, td').all()) {
      if (!(await seen(cell))) continue;
      const text = (await cell.innerText()).trim();
      if (!text) continue;
      const clipped = await cell.evaluate((element) => {
        const inner = Array.from(element.querySelectorAll<HTMLElement>('*')).concat(element as HTMLElement);
        return inner.some((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible') || element.scrollWidth > element.clientWidth + 1;
      });
      expect(clipped, `${what}, ${name}: "${text}" is clipped`).toBe(false);
      expect(await breaksInsideWords(cell, lang), `${what}, ${name}: "${text}" breaks inside a word`).toEqual([]);
    }
    for (const heading of await table.locator('thead th').all()) {
      if (!(await seen(heading))) continue;
      const text = (await heading.innerText()).trim();
      if (text) expect(await linesOf(heading), `${what}, ${name}: the heading "${text}" wraps`).toHaveLength(1);
    }
  }
}

/** Enough in the log and the sessions for every column to hold something long. */
async function fillTheTables(page: Page, twostep: TwoStep): Promise<void> {
  await signInViaApi(page, twostep);
  const made = (await siteCall<{ password: string }>(page.request, twostep, 'createAppPassword', { label: 'iMessage and FaceTime' })).value.password;
  await appCall(page.request, twostep, 'clientSignIn', { clientKind: 'messages', appleId: DEMO.appleId, password: DEMO.password });
  await appCall(page.request, twostep, 'clientSignIn', { clientKind: 'messages', appleId: DEMO.appleId, password: made });
  await appCall(page.request, twostep, 'clientSignIn', { clientKind: 'facetime', appleId: DEMO.appleId, password: 'not-the-password' });
}

for (const size of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test(`the control center's tables read cleanly at ${size.width}×${size.height} in both languages, on the stage and on its own page`, async ({ twostep, page }, testInfo) => {
    test.setTimeout(180_000);
    await fillTheTables(page, twostep);
    const tern = (await siteCall<{ password: string }>(page.request, twostep, 'createAppPassword', { label: 'Mail' })).value.password;
    await openStage(page, twostep, 'en', size);
    await dockButton(page, 'en', 'mail').click();
    await signInTernMail(macWindow(page, 'en', 'mail'), 'en', tern);
    await expectTernMailConnected(macWindow(page, 'en', 'mail'), 'en');
    for (const lang of LANGS) {
      await setLanguage(page, twostep, lang);
      const panel = await openPanel(page, lang);
      await settled(page);
      await expectReadableTables(panel, lang, `the stage's panel, ${lang}`);
      for (const region of ['control.sessions.heading', 'control.activity.heading', 'mailServers.title']) {
        await panel.getByRole('region', { name: t(lang, region) }).scrollIntoViewIfNeeded();
        await shot(testInfo, page, `panel-${region.split('.')[1]}-${lang}-${size.width}x${size.height}`);
      }
    }
    const control = await page.context().newPage();
    await control.setViewportSize(size);
    await control.goto(twostep.appUrl('/control'));
    for (const lang of LANGS) {
      await setLanguage(control, twostep, lang);
      await expect(control.getByRole('main')).toContainText(t(lang, 'control.sessions.heading'));
      await settled(control);
      await expectReadableTables(control.getByRole('main'), lang, `the control center's page, ${lang}`);
      await shot(testInfo, control, `control-page-${lang}-${size.width}x${size.height}`);
    }
    await expect(controlPanel(page, 'ja')).toBeVisible();
  });
}
