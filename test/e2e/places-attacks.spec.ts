import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test, type TwoStep } from './fixtures.js';
import { DEMO, latestCode, openIPhone } from './helpers.js';
import { expectICloudHome, icloudCode, icloudPassword } from './places.js';

/**
 * Issue 19's places from the attacker's side, in a real Chromium: iCloud.com's and support's
 * sessions are origin-bound as My Apple ID's (a cookie for their API path and a key the page
 * keeps), so a cookie carried to another port, or replayed after signing out, opens nothing; and
 * one code sent many times at once over HTTP opens one session.
 */

/** A web server on another port of 127.0.0.1 that keeps every Cookie header it is sent. */
async function startLocalSite(): Promise<{ server: Server; origin: string; cookies: string[] }> {
  const cookies: string[] = [];
  const server = createServer((req, res) => {
    if (req.headers.cookie) cookies.push(req.headers.cookie);
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>another local app</title><p>hello</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, cookies };
}

/** A place's API called from another process, forging the site's Origin (a server can). */
async function call(request: APIRequestContext, twostep: TwoStep, place: 'icloud' | 'support', method: string, headers: Record<string, string>, data: object = {}) {
  const response = await request.post(`${twostep.origin}/api/${place}/${method}`, { headers: { origin: twostep.origin, 'content-type': 'application/json', ...headers }, data });
  return { status: response.status(), body: (await response.json()) as { ok: boolean; value: unknown; error?: { code: string } } };
}

async function signInICloudPage(page: Page, twostep: TwoStep): Promise<void> {
  const iphone = await openIPhone(page, twostep, 'en');
  await page.bringToFront();
  await page.goto(`${twostep.origin}/icloud?lang=en`);
  await icloudPassword(page, 'en', DEMO.password, true);
  await icloudCode(page, iphone, 'en');
  await expectICloudHome(page, 'en');
  await iphone.close();
}

test('iCloud.com: the kept cookie carried to another port reaches it (cookies know no port), and opens nothing there', async ({ twostep, page, playwright }) => {
  await signInICloudPage(page, twostep);
  const local = await startLocalSite();
  const replay = await playwright.request.newContext();
  try {
    // Its pages do not get it (the cookie is for /api/icloud only)…
    await page.goto(`${local.origin}/icloud`);
    expect(local.cookies.find((c) => c.includes('twostep_icloud='))).toBeUndefined();
    // …a page at that path on another port does.
    await page.goto(`${local.origin}/api/icloud/anything`);
    const carried = local.cookies.find((c) => c.includes('twostep_icloud='));
    expect(carried, 'Chromium sends the cookie to every port of 127.0.0.1').toBeDefined();
    for (const method of ['session', 'signOutAllBrowsers']) {
      const answer = await call(replay, twostep, 'icloud', method, { cookie: carried! });
      expect(answer.status, method).toBe(401);
      expect(answer.body.error?.code).toBe('NOT_SIGNED_IN');
    }
    // The user is still signed in, with a session nobody ended.
    await page.goto(`${twostep.origin}/icloud`);
    await expectICloudHome(page, 'en');
  } finally {
    await replay.dispose();
    local.server.close();
  }
});

test('iCloud.com and support: both halves of a session, replayed after Sign Out, open nothing', async ({ twostep, page, playwright }) => {
  await signInICloudPage(page, twostep);
  const cookie = (await page.context().cookies(`${twostep.origin}/api/icloud/session`)).find((c) => c.name === 'twostep_icloud')!;
  const key = await page.evaluate(() => window.localStorage.getItem('twostep.icloudKey'));
  expect(cookie.expires, 'Keep me signed in: a cookie that outlives the browser').toBeGreaterThan(Date.now() / 1000 + 29 * 24 * 3600);
  expect(key).toBeTruthy();
  const stolen = { cookie: `twostep_icloud=${cookie.value}`, 'x-twostep-session': key! };
  const replay = await playwright.request.newContext();
  try {
    // Both halves work while the session is open (the attacker copied them off this machine)…
    expect((await call(replay, twostep, 'icloud', 'session', stolen)).status).toBe(200);
    // …and not after the user signs out.
    await page.getByRole('button', { name: 'Sign Out', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Sign in to iCloud' })).toBeVisible();
    const after = await call(replay, twostep, 'icloud', 'session', stolen);
    expect(after.status).toBe(401);
    expect(after.body.error?.code).toBe('NOT_SIGNED_IN');

    // Support's, the same: verified over its API, Done, and the copy is worthless.
    const started = await call(replay, twostep, 'support', 'signIn', {}, DEMO);
    const { verificationId, devices } = started.body.value as { verificationId: string; devices: { id: number }[] };
    await call(replay, twostep, 'support', 'sendCode', {}, { verificationId, deviceId: devices[0]!.id });
    const verified = await call(replay, twostep, 'support', 'verifyCode', {}, { verificationId, code: await latestCode(replay, twostep) });
    expect(verified.status).toBe(200);
    const supportCookie = (await replay.storageState()).cookies.find((c) => c.name === 'twostep_support')!;
    const copy = { cookie: `twostep_support=${supportCookie.value}`, 'x-twostep-session': (verified.body.value as { sessionKey: string }).sessionKey };
    expect((await call(replay, twostep, 'support', 'session', copy)).status).toBe(200);
    expect((await call(replay, twostep, 'support', 'signOut', copy)).status).toBe(200);
    // Replayed from another process that kept the copy (the sign-out cleared this one's cookie jar).
    const elsewhere = await playwright.request.newContext();
    const replayed = await call(elsewhere, twostep, 'support', 'session', copy).finally(() => elsewhere.dispose());
    expect(replayed.status).toBe(401);
    expect(replayed.body.error?.code).toBe('NOT_SIGNED_IN');
  } finally {
    await replay.dispose();
  }
});

test('iCloud.com: one code sent ten times at once over HTTP opens one session; the others find the verification used', async ({ twostep, playwright }) => {
  const request = await playwright.request.newContext();
  try {
    const started = await call(request, twostep, 'icloud', 'signIn', {}, { ...DEMO, keepSignedIn: true });
    const { verificationId, devices } = started.body.value as { verificationId: string; devices: { id: number }[] };
    await call(request, twostep, 'icloud', 'sendCode', {}, { verificationId, deviceId: devices[0]!.id });
    const code = await latestCode(request, twostep);
    const answers = await Promise.all(Array.from({ length: 10 }, () => call(request, twostep, 'icloud', 'verifyCode', {}, { verificationId, code, keepSignedIn: true })));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    for (const a of answers.filter((x) => x.status !== 200)) expect(a.body.error?.code).toBe('VERIFICATION_NOT_FOUND');
  } finally {
    await request.dispose();
  }
});
