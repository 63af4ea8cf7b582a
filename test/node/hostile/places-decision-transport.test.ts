import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IdentityService } from '../../../main/identity/identity-service.js';
import { DECISION_WAIT_MS } from '../../../main/identity/service/sign-in-approval.js';
import { startAccountSite } from '../../../main/server/account-site-server.js';
import { DEMO_ACCOUNT, identityError, openService, pendingRequest } from '../helpers/identity.js';
import { askAccountSite, askAppStore, askICloudWeb, askSupport } from '../places/places-helpers.js';
import { APP_HOST, openWorld, request, SITE_HOST, type World } from './harness.js';

/**
 * The places' waits for Allow / Don't Allow over their transports: iCloud.com's and support's
 * HTTP APIs (the account site's origin), the App Store's over the app server (browser mode) and
 * IPC (the desktop app). Each parses with the same schema as My Apple ID's, holds the request
 * open until the iPhone answers, and knows nothing of another place's sign-ins.
 */
const { appleId } = DEMO_ACCOUNT;

let world: World | null = null;
afterEach(() => {
  world?.close();
  world = null;
});

const errorOf = (json: unknown) => (json as { error?: { code: string } }).error?.code;

async function twoFactorWorld(): Promise<World> {
  world = await openWorld();
  await world.service.runScenario({ event: 'security-level', appleId, level: 'two-factor' });
  return world;
}

const answer = (service: IdentityService, allow: boolean) => service.answerSignInRequest({ requestId: pendingRequest(service).id, allow });

describe.each([
  { place: 'iCloud.com', path: '/api/icloud/signInDecision', ask: askICloudWeb, other: askSupport },
  { place: 'Apple ID support', path: '/api/support/signInDecision', ask: askSupport, other: askICloudWeb },
])("$place's wait over HTTP", ({ path, ask, other }) => {
  const wait = (w: World, body: unknown) => request(w.site, SITE_HOST, path, { body: typeof body === 'string' ? body : JSON.stringify(body) });

  it('refuses what is not its schema with a 400 and its error, and never waits for it', async () => {
    const w = await twoFactorWorld();
    const verificationId = await ask(w.service);
    for (const bad of [{}, { verificationId, more: true }, { verificationId: 7 }, [verificationId], 'not json', '{"verificationId":']) {
      const refused = await wait(w, bad);
      expect([refused.status, errorOf(refused.json)], JSON.stringify(bad)).toEqual([400, 'INVALID_INPUT']);
    }
    const notJson = await request(w.site, SITE_HOST, path, { body: JSON.stringify({ verificationId }), headers: { 'content-type': 'text/plain' } });
    expect([notJson.status, errorOf(notJson.json)]).toEqual([400, 'INVALID_INPUT']);
  });

  it("holds the request until Allow, answers SIGN_IN_DENIED (403) at once after Don't Allow", async () => {
    const w = await twoFactorWorld();
    const allowedId = await ask(w.service);
    const waiting = wait(w, { verificationId: allowedId });
    answer(w.service, true);
    expect((await waiting).json).toEqual({ ok: true, value: { decision: 'allowed' } });

    const deniedId = await ask(w.service);
    const refusedWhileWaiting = wait(w, { verificationId: deniedId });
    answer(w.service, false);
    const denied = await refusedWhileWaiting;
    expect([denied.status, errorOf(denied.json)]).toEqual([403, 'SIGN_IN_DENIED']);
  });

  it("an unknown id, and another place's or My Apple ID's, are 404 VERIFICATION_NOT_FOUND", async () => {
    const w = await twoFactorWorld();
    const ids = ['f'.repeat(32), await other(w.service), await askAccountSite(w.service), await askAppStore(w.service)];
    for (const verificationId of ids) {
      const refused = await wait(w, { verificationId });
      expect([refused.status, errorOf(refused.json)]).toEqual([404, 'VERIFICATION_NOT_FOUND']);
    }
  });
});

describe("the App Store's wait over both of the windows' transports", () => {
  it('over HTTP (browser mode) and IPC (the desktop app): the same schema, Allow heard while waiting, Don\'t Allow as SIGN_IN_DENIED', async () => {
    const w = await twoFactorWorld();
    const http = (body: unknown) => request(w.app, APP_HOST, '/api/app/appStoreSignInDecision', { body: JSON.stringify(body) });
    const bad = await http({ verificationId: 'f'.repeat(32), extra: 1 });
    expect([bad.status, errorOf(bad.json)]).toEqual([400, 'INVALID_INPUT']);
    expect(await w.ipc('appStoreSignInDecision', { verificationId: 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const elsewhere = await askICloudWeb(w.service);
    expect(errorOf((await http({ verificationId: elsewhere })).json)).toBe('VERIFICATION_NOT_FOUND');
    expect(await w.ipc('appStoreSignInDecision', { verificationId: elsewhere })).toMatchObject({ ok: false, error: { code: 'VERIFICATION_NOT_FOUND' } });

    const allowed = await askAppStore(w.service);
    const overHttp = http({ verificationId: allowed });
    const overIpc = w.ipc('appStoreSignInDecision', { verificationId: allowed });
    answer(w.service, true);
    expect((await overHttp).json).toEqual({ ok: true, value: { decision: 'allowed' } });
    expect(await overIpc).toEqual({ ok: true, value: { decision: 'allowed' } });

    const denied = await askAppStore(w.service);
    const waiting = w.ipc('appStoreSignInDecision', { verificationId: denied });
    answer(w.service, false);
    expect(await waiting).toMatchObject({ ok: false, error: { code: 'SIGN_IN_DENIED' } });
    expect(errorOf((await http({ verificationId: denied })).json)).toBe('SIGN_IN_DENIED');
  });
});

describe('a wait nobody hears the end of', () => {
  it('a page closed mid-wait: the server finishes that request when the iPhone answers, and the next page hears the answer', async () => {
    const { service } = await openService();
    await service.runScenario({ event: 'security-level', appleId, level: 'two-factor' });
    const site = await startAccountSite({ service, staticRoot: join(process.cwd(), 'dist', 'renderer') });
    try {
      const verificationId = await askICloudWeb(service);
      const post = (signal?: AbortSignal) =>
        fetch(`${site.origin}/api/icloud/signInDecision`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: site.origin },
          body: JSON.stringify({ verificationId }),
          ...(signal ? { signal } : {}),
        });
      const closing = new AbortController();
      const closed = post(closing.signal).catch((error: unknown) => (error as Error).name);
      // Long enough for the request to reach the handler and wait there.
      await new Promise((resolve) => setTimeout(resolve, 100));
      closing.abort();
      expect(await closed).toBe('AbortError');

      answer(service, true);
      const next = await post();
      expect(await next.json()).toEqual({ ok: true, value: { decision: 'allowed' } });
    } finally {
      await site.close();
    }
  });

  it(`nobody answers: the wait ends 'pending' after ${DECISION_WAIT_MS / 1000} s, not before, and the page asks again`, async () => {
    const { service } = await openService();
    await service.runScenario({ event: 'security-level', appleId, level: 'two-factor' });
    const verificationId = await askSupport(service);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let settled = false;
      const waiting = service.places.supportSignInDecision({ verificationId }).finally(() => (settled = true));
      await vi.advanceTimersByTimeAsync(DECISION_WAIT_MS - 1);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await expect(waiting).resolves.toEqual({ decision: 'pending' });
      // A refusal after it is heard by the next wait, at once.
      answer(service, false);
      expect((await identityError(() => service.places.supportSignInDecision({ verificationId }))).code).toBe('SIGN_IN_DENIED');
    } finally {
      vi.useRealTimers();
    }
  });
});
