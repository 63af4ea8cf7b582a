import type { Page } from '@playwright/test';
import { t } from './catalog.js';
import { expect, test, type TwoStep } from './fixtures.js';
import { accountSiteTab, DEMO, expectTernMailConnected, expectTernMailDisconnected, openIPhone, readCodeFromIPhone, siteCall, signInTernMail, signInViaApi } from './helpers.js';

const en = (key: string, params?: Record<string, string | number>) => t('en', key, params);

async function openApp(page: Page, twostep: TwoStep, path: string): Promise<Page> {
  const app = await page.context().newPage();
  await app.goto(twostep.appUrl(`/${path}?lang=en`));
  return app;
}

async function signIn(app: Page, password: string): Promise<void> {
  await app.getByLabel('Apple ID', { exact: true }).fill(DEMO.appleId);
  await app.getByLabel('Password', { exact: true }).fill(password);
  await app.getByRole('button', { name: 'Sign In', exact: true }).click();
}

/** App-specific passwords made on the account site (through its API, as if earlier). */
async function appPasswords(page: Page, twostep: TwoStep, labels: string[]): Promise<string[]> {
  await signInViaApi(page, twostep);
  const made: string[] = [];
  for (const label of labels) made.push((await siteCall<{ password: string }>(page.request, twostep, 'createAppPassword', { label })).value.password);
  return made;
}

/**
 * Messages and FaceTime signed in with app-specific passwords, and Tern Mail connected to the
 * IMAP server with its own; iCloud is left out (it needs a code).
 */
async function signInThree(page: Page, twostep: TwoStep): Promise<{ apps: Record<'messages' | 'facetime', Page>; mail: Page }> {
  const [imessage, mailPassword] = await appPasswords(page, twostep, ['iMessage and FaceTime', 'Mail']);
  const apps = { messages: await openApp(page, twostep, 'messages'), facetime: await openApp(page, twostep, 'facetime') };
  const mail = await openApp(page, twostep, 'mail');
  await signIn(apps.messages, imessage!);
  await signIn(apps.facetime, imessage!);
  await signInTernMail(mail, 'en', mailPassword!);
  for (const app of Object.values(apps)) await expect(app.getByRole('status')).toContainText(DEMO.appleId);
  await expectTernMailConnected(mail, 'en');
  return { apps, mail };
}

/** What the IMAP server's BYE says, as Tern Mail shows it. */
const BYE = {
  revoked: 'The app-specific password of this session was revoked.',
  passwordChanged: 'The Apple ID password was changed; app-specific passwords were revoked.',
};

async function expectSignedOut(app: Page, notice: string | null): Promise<void> {
  await expect(app.getByRole('button', { name: 'Sign In', exact: true })).toBeVisible();
  if (notice === null) await expect(app.getByRole('alert')).toHaveCount(0);
  else await expect(app.getByRole('alert')).toContainText(notice);
}

test('FaceTime refuses the normal password with the sheet and signs in with the app-specific password', async ({ twostep, page }) => {
  const facetime = await openApp(page, twostep, 'facetime');
  await signIn(facetime, DEMO.password);
  const sheet = facetime.getByRole('alertdialog', { name: en('clientApps.sheet.title') });
  await expect(sheet).toContainText(en('clientApps.sheet.text'));
  const [popup] = await Promise.all([facetime.waitForEvent('popup'), sheet.getByRole('button', { name: 'Create' }).click()]);
  const site = await accountSiteTab(popup, twostep);
  // Not signed in there yet: My Apple ID asks to sign in first, keeping the generate page with its label to come back to.
  await expect(site.getByRole('heading', { level: 1, name: en('signIn.title') })).toBeVisible();
  expect(await site.evaluate(() => window.sessionStorage.getItem('twostep.returnTo'))).toBe('/account/app-passwords/new?label=iMessage+and+FaceTime&lang=en');
  await site.close();
  const [password] = await appPasswords(page, twostep, ['iMessage and FaceTime']);
  await signIn(facetime, password!);
  await expect(facetime.getByRole('status')).toContainText(en('clientApps.signedIn.withAppPassword', { label: 'iMessage and FaceTime' }));
});

test('iCloud on a new Mac: the normal password, then a code from the trusted iPhone; an app-specific password is refused', async ({ twostep, page }) => {
  const [password] = await appPasswords(page, twostep, ['iCloud try']);
  const icloud = await openApp(page, twostep, 'icloud');
  await signIn(icloud, password!);
  await expect(icloud.getByRole('alert')).toHaveText(en('errors.INCORRECT'));

  await signIn(icloud, DEMO.password);
  await icloud.getByRole('radio', { name: /Taro's iPhone|太郎の iPhone/ }).check();
  await icloud.getByRole('button', { name: 'Continue', exact: true }).click();
  const iphone = await openIPhone(page, twostep, 'en');
  const code = await readCodeFromIPhone(iphone);
  await icloud.getByLabel('Verification code').fill(code);
  await icloud.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(icloud.getByRole('status')).toContainText(`${DEMO.appleId} — Signed in`);
  await expect(icloud.getByRole('status')).toContainText(en('clientApps.signedIn.withPassword'));
});

test('Revoke All on the account site signs every app out at once, and the IMAP server throws Tern Mail out', async ({ twostep, page }) => {
  const { apps, mail } = await signInThree(page, twostep);
  const revoked = await siteCall<{ signedOutApps: number }>(page.request, twostep, 'revokeAllAppPasswords');
  // Messages, FaceTime, and Tern Mail's IMAP session: the mail sessions a revocation ends count too.
  expect(revoked.value.signedOutApps).toBe(3);
  for (const app of Object.values(apps)) await expectSignedOut(app, en('clientApps.ended.appPasswordRevoked'));
  await expectTernMailDisconnected(mail, 'en', BYE.revoked);
});

test('a password change on the account site signs every app out at once', async ({ twostep, page }) => {
  const { apps, mail } = await signInThree(page, twostep);
  const changed = await siteCall<{ revokedAppPasswords: number }>(page.request, twostep, 'changePassword', {
    currentPassword: DEMO.password,
    newPassword: 'A-new-password-2015',
  });
  expect(changed.value.revokedAppPasswords).toBe(2);
  await expectSignedOut(apps.messages, en('clientApps.ended.passwordChanged'));
  await expectSignedOut(apps.facetime, en('clientApps.ended.passwordChanged'));
  await expectTernMailDisconnected(mail, 'en', BYE.passwordChanged);
});

test.describe('scenario events from the control center', () => {
  async function control(page: Page, twostep: TwoStep): Promise<Page> {
    await page.goto(twostep.appUrl(`/control?lang=en`));
    return page;
  }

  test('Sign Out of one app signs out only that app', async ({ twostep, page }) => {
    const { apps, mail } = await signInThree(page, twostep);
    const center = await control(page, twostep);
    await center.getByLabel('Sign Out of…').selectOption({ label: 'FaceTime' });
    await center.getByRole('button', { name: 'Sign Out', exact: true }).click();
    await expect(center.getByRole('status').filter({ hasText: /signed out/i })).toContainText('FaceTime');
    await expectSignedOut(apps.facetime, null);
    await expect(apps.messages.getByRole('status')).toContainText(DEMO.appleId);
    await expectTernMailConnected(mail, 'en');
  });

  for (const [button, notice] of [
    ['control.scenarios.softwareUpdate', 'clientApps.ended.softwareUpdate'],
    ['control.scenarios.simSwap', 'clientApps.ended.simSwap'],
  ] as const) {
    test(`${en(button)} signs Messages and FaceTime out, saying why; Tern Mail on its app-specific password stays connected`, async ({ twostep, page }) => {
      const { apps, mail } = await signInThree(page, twostep);
      const center = await control(page, twostep);
      await center.getByRole('button', { name: en(button), exact: true }).click();
      for (const app of Object.values(apps)) await expectSignedOut(app, en(notice));
      await expectTernMailConnected(mail, 'en');
      const sessions = center.getByRole('table', { name: en('control.sessions.caption') });
      await expect(sessions.getByRole('row', { name: /Messages/ })).toContainText('Not signed in');
      await expect(sessions.getByRole('row', { name: /FaceTime/ })).toContainText('Not signed in');
      await expect(center.getByText(en(notice === 'clientApps.ended.softwareUpdate' ? 'control.scenarios.softwareUpdateHelp' : 'control.scenarios.simSwapHelp'))).toBeVisible();
    });
  }

  test('Unexpected Re-sign-in ends Messages and FaceTime with no visible cause', async ({ twostep, page }) => {
    const { apps, mail } = await signInThree(page, twostep);
    const center = await control(page, twostep);
    await center.getByRole('button', { name: 'Unexpected Re-sign-in', exact: true }).click();
    await expectSignedOut(apps.messages, null);
    await expectSignedOut(apps.facetime, null);
    await expectTernMailConnected(mail, 'en');
  });

  test('Change Password… revokes the app-specific passwords and signs every app out; the new password works on the site', async ({ twostep, page }) => {
    const { apps, mail } = await signInThree(page, twostep);
    const center = await control(page, twostep);
    await center.getByRole('button', { name: 'Change Password…', exact: true }).click();
    const dialog = center.getByRole('dialog');
    await dialog.getByLabel('New Password', { exact: true }).fill('Changed-Elsewhere-1');
    await dialog.getByLabel('Confirm New Password', { exact: true }).fill('Changed-Elsewhere-1');
    await dialog.getByRole('button', { name: 'Change', exact: true }).click();
    for (const app of Object.values(apps)) await expectSignedOut(app, en('clientApps.ended.passwordChanged'));
    await expectTernMailDisconnected(mail, 'en', BYE.passwordChanged);
    const old = await siteCall(page.request, twostep, 'signIn', { appleId: DEMO.appleId, password: DEMO.password });
    expect(old.error?.code).toBe('INCORRECT');
    const fresh = await siteCall<{ status: string }>(page.request, twostep, 'signIn', { appleId: DEMO.appleId, password: 'Changed-Elsewhere-1' });
    expect(fresh.value.status).toBe('VERIFICATION_REQUIRED');
  });
});

test('wrong password, malformed Apple ID and a locked account get the messages a Mac user would see', async ({ twostep, page }) => {
  const messages = await openApp(page, twostep, 'messages');
  await messages.getByLabel('Apple ID', { exact: true }).fill('not an apple id');
  await messages.getByLabel('Password', { exact: true }).fill('whatever-1');
  await messages.getByRole('button', { name: 'Sign In', exact: true }).click();
  await expect(messages.getByRole('alert')).toHaveText(en('errors.APPLE_ID_INVALID'));
  for (let i = 0; i < 4; i++) {
    await signIn(messages, `wrong-password-${i}`);
    await expect(messages.getByRole('alert')).toHaveText(en('errors.INCORRECT'));
  }
  await signIn(messages, 'wrong-password-5');
  await expect(messages.getByRole('alert')).toContainText('This Apple ID has been locked for security reasons.');
  await signIn(messages, DEMO.password);
  await expect(messages.getByRole('alert')).toContainText('This Apple ID has been locked for security reasons.');
});

test('every window open at once (more than a browser opens connections to one origin) stays live', async ({ twostep, page }) => {
  // Six persistent event streams would use up Chromium's six connections to the app server;
  // the pages share one stream, so a seventh and eighth window still load and follow events.
  const paths = ['control', 'messages', 'facetime', 'icloud', 'mail', 'iphone', 'control', 'messages'];
  const windows: Page[] = [];
  for (const path of paths) windows.push(await openApp(page, twostep, path));
  const [imessage] = await appPasswords(page, twostep, ['iMessage and FaceTime']);
  const lastMessages = windows.at(-1)!;
  await signIn(lastMessages, imessage!);
  await expect(lastMessages.getByRole('status')).toContainText(DEMO.appleId);
  // The other Messages window follows, live; and both follow the sign-out.
  await expect(windows[1]!.getByRole('status')).toContainText(DEMO.appleId);
  await windows[0]!.getByRole('button', { name: en('control.scenarios.softwareUpdate'), exact: true }).click();
  await expectSignedOut(windows[1]!, en('clientApps.ended.softwareUpdate'));
  await expectSignedOut(lastMessages, en('clientApps.ended.softwareUpdate'));
  await expect(windows[6]!.getByRole('table', { name: 'Activity log' })).toContainText('Software Update');
});
