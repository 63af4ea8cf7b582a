import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startAccountSite } from '../../main/server/account-site-server.js';
import { codeOnDevice, DEMO_ACCOUNT, deviceOf, openService } from './helpers/identity.js';

/**
 * The account site's session travels as a cookie half and a key half (SPEC §5). Cookies know no
 * port: another local server can plant a `twostep_site` of its own beside the user's, and the
 * browser then sends both. The half that fits the page's key is the session; the other is
 * ignored, and signs nobody out (issue 15).
 */
async function signedInSite() {
  const { service } = await openService();
  const site = await startAccountSite({ service, staticRoot: mkdtempSync(join(tmpdir(), 'twostep-static-')) });
  onTestFinished(() => site.close());
  const post = (method: string, body: object, headers: Record<string, string> = {}) =>
    fetch(`${site.origin}/api/site/${method}`, { method: 'POST', headers: { origin: site.origin, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const started = (await (await post('signIn', { appleId: DEMO_ACCOUNT.appleId, password: DEMO_ACCOUNT.password })).json()) as {
    value: { verificationId: string; devices: { id: number; kind: string }[] };
  };
  const deviceId = deviceOf(started.value.devices, 'iphone');
  await post('sendCode', { verificationId: started.value.verificationId, deviceId });
  const verified = await post('verifyCode', { verificationId: started.value.verificationId, code: codeOnDevice(service, deviceId) });
  const setCookie = verified.headers.get('set-cookie')!;
  const { value } = (await verified.json()) as { value: { sessionKey: string } };
  return { post, setCookie, cookie: /twostep_site=([^;]+)/.exec(setCookie)![1]!, key: value.sessionKey };
}

describe('the session cookie, when several of that name arrive', () => {
  it('the half that fits the key is used, before or after a planted one; a planted one alone is no session', async () => {
    const { post, cookie, key } = await signedInSite();
    const planted = 'A'.repeat(cookie.length);
    for (const header of [`twostep_site=${planted}; twostep_site=${cookie}`, `twostep_site=${cookie}; twostep_site=${planted}`, `other=1; twostep_site=${planted}; twostep_site=${cookie}`]) {
      const answer = await post('session', {}, { cookie: header, 'x-twostep-session': key });
      expect(answer.status, header).toBe(200);
    }
    expect((await post('session', {}, { cookie: `twostep_site=${planted}`, 'x-twostep-session': key })).status).toBe(401);
    // And the session goes on: the planted cookie ended nothing.
    expect((await post('session', {}, { cookie: `twostep_site=${cookie}`, 'x-twostep-session': key })).status).toBe(200);
  });

  it('the cookie is set for the site\'s API path only, so a cookie planted for "/" cannot replace it', async () => {
    const { setCookie } = await signedInSite();
    expect(setCookie).toMatch(/; Path=\/api\/site(;|$)/);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Strict/);
  });
});
