import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, test, type TwoStep } from './fixtures.js';
import { DEMO, latestCode, openIPhone, readCodeFromIPhone, siteCall } from './helpers.js';

/**
 * Issue 9, findings 4 and 6, in a real Chromium: cookies are not isolated by port, and SameSite
 * treats every port of 127.0.0.1 as one site. So any local web server the user visits receives
 * the account site's cookie — and can set one for it. These tests run such a server.
 */

/** A web server on another port of 127.0.0.1 that keeps every Cookie header it is sent, and may set one. */
async function startLocalSite(
  page: (req: IncomingMessage) => string,
  setCookie?: string,
): Promise<{ server: Server; origin: string; cookies: string[] }> {
  const cookies: string[] = [];
  const server = createServer((req, res) => {
    if (req.headers.cookie) cookies.push(req.headers.cookie);
    res.writeHead(200, { 'content-type': 'text/html', ...(setCookie ? { 'set-cookie': setCookie } : {}) });
    res.end(page(req));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, cookies };
}

/** Signs in on the account site's own page, as the user does, and lands on Manage. */
async function signInOnTheSite(page: Page, twostep: TwoStep): Promise<void> {
  const iphone = await openIPhone(page, twostep, 'en');
  await page.bringToFront();
  await page.goto(`${twostep.origin}/sign-in?lang=en`);
  await page.getByLabel('Apple ID', { exact: true }).fill(DEMO.appleId);
  await page.getByLabel('Password', { exact: true }).fill(DEMO.password);
  await page.getByRole('button', { name: 'Sign In' }).click();
  await page.getByRole('radio', { name: /Taro's iPhone|太郎の iPhone/ }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Verification code').fill(await readCodeFromIPhone(iphone));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Manage your Apple ID' })).toBeVisible();
  await iphone.close();
}

test('finding 4: a server on another port receives the session cookie, and can do nothing with it', async ({ twostep, page, playwright }) => {
  await signInOnTheSite(page, twostep);
  const local = await startLocalSite(() => '<!doctype html><title>another local app</title><p>hello</p>');
  try {
    // The user visits another local web app: the browser sends it the account site's cookie.
    await page.goto(`${local.origin}/`);
    const carried = local.cookies.find((c) => c.includes('twostep_site='));
    expect(carried, 'Chromium sends the cookie to every port of 127.0.0.1').toBeDefined();

    // That server replays it from its own process, forging our Origin too (a server can).
    const replay = await playwright.request.newContext();
    try {
      for (const method of ['session', 'listAppPasswords', 'createAppPassword', 'setSecurityLevel', 'revokeAllAppPasswords']) {
        const response = await replay.post(`${twostep.origin}/api/site/${method}`, {
          headers: { origin: twostep.origin, 'content-type': 'application/json', cookie: carried! },
          data: method === 'createAppPassword' ? { label: 'stolen' } : method === 'setSecurityLevel' ? { level: 'none', currentPassword: 'unknown' } : {},
        });
        expect(response.status(), method).toBe(401);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe('NOT_SIGNED_IN');
      }
    } finally {
      await replay.dispose();
    }

    // The user's own page is still signed in, with nothing made or changed.
    await page.goto(`${twostep.origin}/account/app-passwords?lang=en`);
    await expect(page.getByRole('heading', { name: 'App-Specific Passwords' })).toBeVisible();
    await expect(page.getByText('stolen')).toHaveCount(0);
  } finally {
    local.server.close();
  }
});

test('finding 4: a cookie set by another port cannot swap the user into another session', async ({ twostep, page, playwright }) => {
  await signInOnTheSite(page, twostep);
  // The attacker holds a session of its own (it knows a password): its cookie half and key half.
  const attacker = await playwright.request.newContext();
  const attackerTwoStep = { ...twostep, siteSessionKey: undefined as string | undefined };
  try {
    const started = await siteCall<{ verificationId: string; devices: { id: number }[] }>(attacker, attackerTwoStep, 'signIn', DEMO);
    await siteCall(attacker, attackerTwoStep, 'sendCode', { verificationId: started.value.verificationId, deviceId: started.value.devices[1]!.id });
    const code = await latestCode(attacker, twostep);
    const opened = await siteCall<{ sessionKey: string }>(attacker, attackerTwoStep, 'verifyCode', { verificationId: started.value.verificationId, code });
    expect(opened.ok).toBe(true);
    attackerTwoStep.siteSessionKey = opened.value.sessionKey;
    const attackerCookie = (await attacker.storageState()).cookies.find((c) => c.name === 'twostep_site')!.value;

    // A server on another port sets that cookie for 127.0.0.1 (a script could not: the user's is
    // HttpOnly); cookies know no port, so it replaces the user's.
    const local = await startLocalSite(
      () => '<!doctype html><title>swap</title><p>done</p>',
      `twostep_site=${attackerCookie}; Path=/; HttpOnly; SameSite=Strict`,
    );
    try {
      await page.goto(`${local.origin}/`);
      await expect(page.getByText('done')).toBeVisible();
      const cookies = await page.context().cookies(twostep.origin);
      expect(cookies.find((c) => c.name === 'twostep_site')?.value).toBe(attackerCookie);

      // Back on My Apple ID, the user's key does not fit the planted cookie: signed out, not swapped.
      await page.goto(`${twostep.origin}/account/app-passwords/new?label=Mail&lang=en`);
      await expect(page.getByText('Sign in to continue to the page you opened.')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Sign In' })).toBeVisible();
      // Nothing was made in the attacker's session on the user's behalf.
      expect((await siteCall<unknown[]>(attacker, attackerTwoStep, 'listAppPasswords')).value).toEqual([]);
    } finally {
      local.server.close();
    }
  } finally {
    await attacker.dispose();
  }
});

test('finding 6: the control center opened without this launch\'s key says how to open it, and serves nothing', async ({ twostep, page }) => {
  const denied: number[] = [];
  page.on('response', (response) => {
    if (response.url().includes('/api/app/')) denied.push(response.status());
  });
  await page.goto(`${twostep.appOrigin}/control?lang=en`);
  await expect(page.getByRole('alert').filter({ hasText: 'This page needs the key of this launch of TwoStep' })).toBeVisible();
  expect(denied.length).toBeGreaterThan(0);
  expect(denied.every((status) => status === 403)).toBe(true);

  // The printed address pasted over it: the page takes the key, starts afresh, and the key
  // leaves the address bar at once.
  await page.goto(twostep.appUrl('/control?lang=en'));
  await page.waitForURL((url) => url.hash === '');
  await expect(page.getByRole('heading', { name: 'Activity' })).toBeVisible();
  expect(page.url()).not.toContain('key=');
  // Other pages of the origin opened later (the iPhone here) have the key without it in their address.
  const iphone = await page.context().newPage();
  await iphone.goto(`${twostep.appOrigin}/iphone?lang=en`);
  await expect(iphone.getByRole('alert')).toHaveCount(0);
  await expect(iphone.getByText('No Notifications')).toBeVisible();
});
