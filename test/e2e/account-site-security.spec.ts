import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures.js';
import { siteCall, signInViaApi } from './helpers.js';

/** A raw request, so the Host header can be anything (fetch would not let us set it). */
function rawGet(origin: string, path: string, host: string): Promise<{ status: number; body: string }> {
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname: url.hostname, port: url.port, path, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Another site on this machine, whose page tries to write to the account site. */
async function startAttacker(host: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>elsewhere</title><p>elsewhere</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://${host}:${(server.address() as AddressInfo).port}` };
}

test('a request with a foreign Host header is refused (DNS rebinding)', async ({ twostep }) => {
  const port = new URL(twostep.origin).port;
  const foreign = await rawGet(twostep.origin, '/api/site/session', `evil.example:${port}`);
  expect(foreign.status).toBe(403);
  expect(foreign.body).toContain('FORBIDDEN_HOST');
  const page = await rawGet(twostep.origin, '/account', `rebound.example:${port}`);
  expect(page.status).toBe(403);
  // Our own names are answered.
  expect((await rawGet(twostep.origin, '/account', `localhost:${port}`)).status).toBe(200);
  expect((await rawGet(twostep.origin, '/account', `127.0.0.1:${port}`)).status).toBe(200);
});

for (const attackerHost of ['127.0.0.1', 'localhost']) {
  test(`a cross-origin POST from ${attackerHost} on another port is refused and changes nothing`, async ({ twostep, page }) => {
    await signInViaApi(page, twostep);
    const attacker = await startAttacker(attackerHost);
    try {
      await page.goto(`${attacker.origin}/`);
      const target = `${twostep.origin}/api/site/createAppPassword`;
      const outcome = await page.evaluate(async (url) => {
        // What a hostile page can send without a CORS preflight: text/plain, credentials included.
        // (Its answer is opaque, or refused outright by Cross-Origin-Resource-Policy.)
        await fetch(url, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body: '{"label":"stolen"}' }).catch(() => undefined);
        try {
          const res = await fetch(url, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: '{"label":"stolen"}' });
          return `read ${res.status}`;
        } catch {
          return 'blocked';
        }
      }, target);
      expect(outcome).toBe('blocked');
      const list = await siteCall<unknown[]>(page.request, twostep, 'listAppPasswords');
      expect(list.ok).toBe(true);
      expect(list.value).toEqual([]);
    } finally {
      attacker.server.close();
    }
  });
}

test('the API refuses a write that names a foreign Origin, or none', async ({ twostep, request }) => {
  const foreign = await request.post(`${twostep.origin}/api/site/signIn`, {
    headers: { origin: 'http://evil.example', 'content-type': 'application/json' },
    data: { appleId: 'demo@twostep.example', password: 'Twostep-Demo-2015' },
  });
  expect(foreign.status()).toBe(403);
  expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN_ORIGIN');
  const none = await request.post(`${twostep.origin}/api/site/signOut`, { headers: { 'content-type': 'application/json' }, data: {} });
  expect(none.status()).toBe(403);
});

test('the session cookie is HttpOnly and SameSite=Strict, and no script can read it', async ({ twostep, page }) => {
  const started = await page.request.post(`${twostep.origin}/api/site/signIn`, {
    headers: { origin: twostep.origin, 'content-type': 'application/json' },
    data: { appleId: 'demo@twostep.example', password: 'Twostep-Demo-2015' },
  });
  expect(started.ok()).toBe(true);
  await signInViaApi(page, twostep);
  // Sent to the site's API only (its pages need no session): a cookie planted for "/" cannot replace it.
  expect((await page.context().cookies(`${twostep.origin}/account`)).find((c) => c.name === 'twostep_site')).toBeUndefined();
  const cookies = await page.context().cookies(`${twostep.origin}/api/site/session`);
  const session = cookies.find((c) => c.name === 'twostep_site');
  expect(session).toBeDefined();
  expect(session!.path).toBe('/api/site');
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe('Strict');
  await page.goto(`${twostep.origin}/account`);
  expect(await page.evaluate(() => document.cookie)).not.toContain('twostep_site');
});

test('an answer that shows a new app-specific password, and every page, is never cached', async ({ twostep, page }) => {
  await signInViaApi(page, twostep);
  const created = await page.request.post(`${twostep.origin}/api/site/createAppPassword`, {
    headers: { origin: twostep.origin, 'content-type': 'application/json', 'x-twostep-session': twostep.siteSessionKey! },
    data: { label: 'Mail' },
  });
  expect(created.ok()).toBe(true);
  expect(created.headers()['cache-control']).toBe('no-store');
  const pageResponse = await page.goto(`${twostep.origin}/account/app-passwords/new?label=Mail`);
  expect(pageResponse!.headers()['cache-control']).toBe('no-store');
  expect(pageResponse!.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
});
