import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test, type TwoStep } from './fixtures.js';
import { appCall, DEMO, latestCode, openIPhone, readCodeFromIPhone, siteCall } from './helpers.js';

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
    // The user visits another local web app. The cookie is only for the site's API path (issue
    // 15), so its pages do not get it…
    await page.goto(`${local.origin}/`);
    expect(local.cookies.find((c) => c.includes('twostep_site='))).toBeUndefined();
    // …but a page at that same path on another port does: cookies know no port.
    await page.goto(`${local.origin}/api/site/anything`);
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

/** The attacker's own session (it knows the password): its cookie half and key half, as another port could plant them. */
async function attackerSession(playwright: { request: { newContext(): Promise<APIRequestContext> } }, twostep: TwoStep) {
  const request = await playwright.request.newContext();
  const attacker = { ...twostep, siteSessionKey: undefined as string | undefined };
  const started = await siteCall<{ verificationId: string; devices: { id: number }[] }>(request, attacker, 'signIn', DEMO);
  await siteCall(request, attacker, 'sendCode', { verificationId: started.value.verificationId, deviceId: started.value.devices[1]!.id });
  const code = await latestCode(request, twostep);
  const opened = await siteCall<{ sessionKey: string }>(request, attacker, 'verifyCode', { verificationId: started.value.verificationId, code });
  expect(opened.ok).toBe(true);
  attacker.siteSessionKey = opened.value.sessionKey;
  const cookie = (await request.storageState()).cookies.find((c) => c.name === 'twostep_site')!.value;
  return { request, attacker, cookie };
}

test('issue 15: a cookie planted by another port neither swaps the user into another session nor signs them out', async ({ twostep, page, playwright }) => {
  await signInOnTheSite(page, twostep);
  const { request, attacker, cookie } = await attackerSession(playwright, twostep);
  try {
    // A server on another port sets its cookie for 127.0.0.1 (a script could not: the user's is
    // HttpOnly). Cookies know no port: every later request to the account site carries it too.
    const local = await startLocalSite(() => '<!doctype html><title>plant</title><p>done</p>', `twostep_site=${cookie}; Path=/; HttpOnly; SameSite=Strict`);
    try {
      await page.goto(`${local.origin}/`);
      await expect(page.getByText('done')).toBeVisible();
      // Both arrive at the site's API now: the user's (its own path) and the planted one.
      const sent = (await page.context().cookies(`${twostep.origin}/api/site/session`)).filter((c) => c.name === 'twostep_site');
      expect(sent.map((c) => c.path).sort()).toEqual(['/', '/api/site']);

      // Back on My Apple ID the user is still signed in: the planted half fits no key the page holds, and is ignored.
      await page.goto(`${twostep.origin}/account/app-passwords/new?label=Mail&lang=en`);
      await expect(page.getByLabel('Label', { exact: true })).toHaveValue('Mail');
      // In their own session, not the attacker's: with the attacker's session ended, the user's page goes on.
      expect((await siteCall(request, attacker, 'signOut')).ok).toBe(true);
      await page.getByRole('button', { name: 'Create', exact: true }).click();
      await expect(page.getByText(/^[a-z]{4}-[a-z]{4}-[a-z]{4}-[a-z]{4}$/)).toBeVisible();
    } finally {
      local.server.close();
    }
  } finally {
    await request.dispose();
  }
});

test('issue 15: a cookie planted for the very path of the session still never swaps the user into another session', async ({ twostep, page, playwright }) => {
  await signInOnTheSite(page, twostep);
  const { request, attacker, cookie } = await attackerSession(playwright, twostep);
  try {
    // An attacker who read TwoStep's source overwrites the user's cookie itself (same name, path and host):
    // no browser keeps two then. The user's key fits nothing: signed out, never swapped.
    const local = await startLocalSite(() => '<!doctype html><title>swap</title><p>done</p>', `twostep_site=${cookie}; Path=/api/site; HttpOnly; SameSite=Strict`);
    try {
      await page.goto(`${local.origin}/`);
      await expect(page.getByText('done')).toBeVisible();
      await page.goto(`${twostep.origin}/account/app-passwords/new?label=Mail&lang=en`);
      await expect(page.getByText('Sign in to continue to the page you opened.')).toBeVisible();
      expect((await siteCall<unknown[]>(request, attacker, 'listAppPasswords')).value).toEqual([]);
    } finally {
      local.server.close();
    }
  } finally {
    await request.dispose();
  }
});

test('issue 15, finding 3: a page on another port that POSTs LOGIN and AUTH lines to the mail ports cannot lock the account', async ({ twostep, page }) => {
  const lines = Array.from({ length: 5 }, (_, i) => `a${i} LOGIN ${DEMO.appleId} wrong-${i}\r\n`).join('');
  const auth = Array.from({ length: 5 }, (_, i) => `EHLO x\r\nAUTH PLAIN ${Buffer.from(`\0${DEMO.appleId}\0wrong-${i}`).toString('base64')}\r\n`).join('');
  const local = await startLocalSite(
    () => `<!doctype html><title>attack</title><script>
      const send = (port, body) => fetch('http://127.0.0.1:' + port + '/', { method: 'POST', mode: 'no-cors', body }).catch(() => null);
      Promise.all([send(${twostep.imapPort}, ${JSON.stringify(lines)}), send(${twostep.smtpPort}, ${JSON.stringify(auth)})]).then(() => { document.title = 'sent'; });
    </script>`,
  );
  try {
    // The page left open, reloaded: each load sends both requests again.
    for (let load = 0; load < 7; load++) {
      await page.goto(`${local.origin}/?load=${load}`);
      await expect(page).toHaveTitle('sent');
    }
  } finally {
    local.server.close();
  }
  // Not locked: the right password still reaches the code step, and no guess was judged over IMAP or SMTP.
  const started = await siteCall<{ verificationId: string }>(page.request, twostep, 'signIn', DEMO);
  expect(started.ok, JSON.stringify(started.error)).toBe(true);
  const activity = await appCall<{ source: string; event: string }[]>(page.request, twostep, 'activity', { limit: 500 });
  expect(activity.value.filter((e) => e.source === 'imap' || e.source === 'smtp')).toEqual([]);
});

test('finding 6: the control center opened without this launch\'s key says how to open it, and serves nothing', async ({ twostep, page }) => {
  const denied: number[] = [];
  page.on('response', (response) => {
    if (response.url().includes('/api/app/')) denied.push(response.status());
  });
  await page.goto(`${twostep.appOrigin}/control?lang=en`);
  // Each section that could not load says so (the five places' section too): the first of them is enough.
  await expect(page.getByRole('alert').filter({ hasText: 'This page needs the key of this launch of TwoStep' }).first()).toBeVisible();
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
