import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startAccountSite } from '../../../main/server/account-site-server.js';
import type { TrustPlace } from '../../../preload/contract/trusted-browsers-types.js';
import { codeOnDevice, DEMO_ACCOUNT, deviceOf, openService } from '../helpers/identity.js';
import { twoFactor } from './trust-helpers.js';

/**
 * "Trust this browser?" over HTTP, from the attacker's side: the trust travels as the sessions
 * do — an HttpOnly, SameSite=Strict cookie half for the place's API path and a key half only the
 * page's origin holds — so a cookie that reached another port, a trust replayed after Remove, an
 * answer from another session or many answers at once open nothing more than the one trust.
 */
const { appleId, password } = DEMO_ACCOUNT;
const CHROME_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36';
const API: Record<TrustPlace, { base: string; session: string; trust: string }> = {
  'account-site': { base: '/api/site', session: 'twostep_site', trust: 'twostep_site_trust' },
  'icloud-web': { base: '/api/icloud', session: 'twostep_icloud', trust: 'twostep_icloud_trust' },
};

type Answer = { status: number; setCookie: string; body: { ok: boolean; value?: Record<string, unknown>; error?: { code: string } } };

async function twoFactorSite() {
  const { service, clock } = await openService();
  await twoFactor(service);
  const site = await startAccountSite({ service, staticRoot: mkdtempSync(join(tmpdir(), 'twostep-static-')) });
  onTestFinished(() => site.close());
  const post = async (path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> => {
    const response = await fetch(`${site.origin}${path}`, {
      method: 'POST',
      headers: { origin: site.origin, 'content-type': 'application/json', 'user-agent': CHROME_MAC, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, setCookie: response.headers.get('set-cookie') ?? '', body: (await response.json()) as Answer['body'] };
  };
  const cookieOf = (answer: Answer, name: string) => new RegExp(`${name}=([^;]+)`).exec(answer.setCookie)?.[1] ?? '';

  /** Password, then the code from the iPhone: the session's two halves and the question's verification. */
  async function withCode(place: TrustPlace, trustHeaders: Record<string, string> = {}) {
    const api = API[place];
    const input = place === 'account-site' ? { appleId, password } : { appleId, password, keepSignedIn: false };
    const started = await post(`${api.base}/signIn`, input, trustHeaders);
    if (started.body.value?.status === 'SIGNED_IN') return { signedInWithPassword: true as const };
    const verificationId = started.body.value!.verificationId as string;
    const deviceId = deviceOf(started.body.value!.devices as { id: number; kind: string }[], 'iphone');
    await post(`${api.base}/sendCode`, { verificationId, deviceId });
    const verified = await post(`${api.base}/verifyCode`, { verificationId, code: codeOnDevice(service, deviceId) });
    const session = { cookie: `${api.session}=${cookieOf(verified, api.session)}`, 'x-twostep-session': verified.body.value!.sessionKey as string };
    return { signedInWithPassword: false as const, verificationId, askTrust: verified.body.value!.askTrust, session };
  }

  /** Signs in with the code and answers Trust: the trust's cookie half and key half. */
  async function trusted(place: TrustPlace) {
    const asked = await withCode(place);
    if (asked.signedInWithPassword) throw new Error('expected a code');
    const answer = await post(`${API[place].base}/decideTrust`, { verificationId: asked.verificationId, decision: 'trust' }, asked.session);
    return { answer, cookie: cookieOf(answer, API[place].trust), key: answer.body.value!.trustKey as string, session: asked.session };
  }
  return { service, clock, site, post, withCode, trusted };
}

describe('the trust over HTTP', () => {
  it('Trust sets an HttpOnly SameSite=Strict cookie for the place\'s API path, lasting 30 days, and the page gets the other half', async () => {
    const { trusted, withCode } = await twoFactorSite();
    for (const place of ['account-site', 'icloud-web'] as const) {
      const { answer, cookie, key } = await trusted(place);
      expect(answer.body.value).toMatchObject({ trusted: true, browser: { place, browser: 'chrome', os: 'mac' } });
      expect(answer.setCookie).toMatch(new RegExp(`^${API[place].trust}=[^;]+; Max-Age=2592000; Path=${API[place].base}; HttpOnly; SameSite=Strict$`));
      expect(key.length).toBeGreaterThanOrEqual(21);
      // The next sign-in there, with both halves: the password alone.
      expect(await withCode(place, { cookie: `${API[place].trust}=${cookie}`, 'x-twostep-trust': key })).toEqual({ signedInWithPassword: true });
    }
  });

  it('a trust cookie that reached another port without the page\'s key, or the key without the cookie, trusts nothing', async () => {
    const { trusted, withCode, post } = await twoFactorSite();
    const { cookie, key } = await trusted('account-site');
    expect(await withCode('account-site', { cookie: `twostep_site_trust=${cookie}` })).toMatchObject({ signedInWithPassword: false });
    expect(await withCode('account-site', { 'x-twostep-trust': key })).toMatchObject({ signedInWithPassword: false });
    // My Apple ID's trust is no trust at iCloud.com, under either cookie name.
    expect(await withCode('icloud-web', { cookie: `twostep_icloud_trust=${cookie}`, 'x-twostep-trust': key })).toMatchObject({ signedInWithPassword: false });
    // Both halves sent from a page of another port: refused before anything is judged.
    const elsewhere = await post('/api/site/signIn', { appleId, password }, { origin: 'http://127.0.0.1:1', cookie: `twostep_site_trust=${cookie}`, 'x-twostep-trust': key });
    expect(elsewhere).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN_ORIGIN' } } });
    // A planted cookie beside the real one changes nothing.
    expect(await withCode('account-site', { cookie: `twostep_site_trust=${'A'.repeat(cookie.length)}; twostep_site_trust=${cookie}`, 'x-twostep-trust': key })).toEqual({ signedInWithPassword: true });
  });

  it('replayed after Remove, or after a new password, the trust opens nothing', async () => {
    const { trusted, withCode, post } = await twoFactorSite();
    const first = await trusted('account-site');
    const trust = { cookie: `twostep_site_trust=${first.cookie}`, 'x-twostep-trust': first.key };
    const listed = await post('/api/site/trustedBrowsers', {}, first.session);
    const browserId = (listed.body.value as unknown as { id: string }[])[0]!.id;
    expect((await post('/api/site/removeTrustedBrowser', { browserId }, first.session)).body).toEqual({ ok: true, value: [] });
    expect(await withCode('account-site', trust)).toMatchObject({ signedInWithPassword: false });

    const second = await trusted('account-site');
    await post('/api/site/changePassword', { currentPassword: password, newPassword: 'Another-Password-2026' }, second.session);
    const replay = await post('/api/site/signIn', { appleId, password: 'Another-Password-2026' }, { cookie: `twostep_site_trust=${second.cookie}`, 'x-twostep-trust': second.key });
    expect(replay.body.value).toMatchObject({ status: 'VERIFICATION_REQUIRED' });
  });

  it('ten answers of Trust at once make one trust; the others find no question', async () => {
    const { withCode, post, service } = await twoFactorSite();
    const asked = await withCode('account-site');
    if (asked.signedInWithPassword) throw new Error('expected a code');
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => post('/api/site/decideTrust', { verificationId: asked.verificationId, decision: 'trust' }, asked.session)),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 404 && a.body.error?.code === 'VERIFICATION_NOT_FOUND')).toHaveLength(9);
    expect(service.trustedBrowsers.all()).toHaveLength(1);
  });

  it('an answer from another session, or with no session, is refused', async () => {
    const { withCode, post } = await twoFactorSite();
    const asked = await withCode('account-site');
    const other = await withCode('account-site');
    if (asked.signedInWithPassword || other.signedInWithPassword) throw new Error('expected codes');
    expect(await post('/api/site/decideTrust', { verificationId: asked.verificationId, decision: 'trust' }, other.session)).toMatchObject({ status: 404 });
    expect(await post('/api/site/decideTrust', { verificationId: asked.verificationId, decision: 'trust' })).toMatchObject({ status: 401, body: { error: { code: 'NOT_SIGNED_IN' } } });
    // iCloud.com's API with My Apple ID's session: no session there.
    expect(await post('/api/icloud/decideTrust', { verificationId: asked.verificationId, decision: 'trust' }, asked.session)).toMatchObject({ status: 401 });
    // The question is still the asking session's to answer.
    expect(await post('/api/site/decideTrust', { verificationId: asked.verificationId, decision: 'not-now' }, asked.session)).toMatchObject({ status: 200, body: { value: { trusted: false } } });
  });

  it('validates every input: unknown decisions, extra fields, malformed ids and bodies are refused', async () => {
    const { withCode, post } = await twoFactorSite();
    const asked = await withCode('account-site');
    if (asked.signedInWithPassword) throw new Error('expected a code');
    const { verificationId, session } = asked;
    const refused = async (path: string, body: unknown) => (await post(path, body, session)).body.error?.code;
    expect(await refused('/api/site/decideTrust', { verificationId, decision: 'always' })).toBe('INVALID_INPUT');
    expect(await refused('/api/site/decideTrust', { verificationId, decision: 'trust', days: 365 })).toBe('INVALID_INPUT');
    expect(await refused('/api/site/decideTrust', { verificationId: 'x'.repeat(32), decision: 'trust' })).toBe('VERIFICATION_NOT_FOUND');
    expect(await refused('/api/site/decideTrust', '{"verificationId":')).toBe('INVALID_INPUT');
    expect(await refused('/api/icloud/decideTrust', { decision: 'trust' })).toBe('INVALID_INPUT');
    expect(await refused('/api/site/removeTrustedBrowser', { browserId: '../../etc' })).toBe('TRUSTED_BROWSER_NOT_FOUND');
    expect(await refused('/api/site/removeTrustedBrowser', { browserId: 'a'.repeat(32) })).toBe('TRUSTED_BROWSER_NOT_FOUND');
    expect(await refused('/api/site/trustedBrowsers', { all: true })).toBe('INVALID_INPUT');
    // None of it used the question up.
    expect(await post('/api/site/decideTrust', { verificationId, decision: 'trust' }, session)).toMatchObject({ status: 200 });
  });
});
