import { afterEach, describe, expect, it } from 'vitest';
import { APP_HOST, openWorld, request, SITE_HOST, type World } from './harness.js';

/**
 * Allow / Don't Allow over both transports (the hostile suite fuzzes every method; these are the
 * answers a person would see): the iPhone's answer over HTTP (browser mode) and IPC (the desktop
 * app), and the site's wait for it, each refusing what is not its input.
 */
let world: World | null = null;
afterEach(() => {
  world?.close();
  world = null;
});

async function twoFactorRequest(w: World): Promise<{ requestId: string; verificationId: string }> {
  await w.service.runScenario({ event: 'security-level', appleId: 'demo@twostep.example', level: 'two-factor' });
  const started = await w.service.signInAccountSite({ appleId: 'demo@twostep.example', password: 'Twostep-Demo-2015' });
  if (started.status !== 'VERIFICATION_REQUIRED') throw new Error('expected a verification');
  const iphone = started.devices.find((d) => d.kind === 'iphone')!;
  w.service.sendAccountSiteCode({ verificationId: started.verificationId, deviceId: iphone.id });
  const request = w.service.deviceNotifications(iphone.id).find((n) => n.request?.decision === 'pending')!;
  return { requestId: request.id, verificationId: started.verificationId };
}

const errorOf = (json: unknown) => (json as { error?: { code: string } }).error?.code;

describe('the iPhone answers a sign-in request', () => {
  it('over HTTP: a malformed answer is refused with its field, a good one decides, a second is refused', async () => {
    world = await openWorld();
    const { requestId } = await twoFactorRequest(world);
    const call = (body: unknown) => request(world!.app, APP_HOST, '/api/app/answerSignInRequest', { body: JSON.stringify(body) });

    for (const bad of [{ requestId, allow: 'yes' }, { requestId }, { requestId, allow: true, extra: 1 }, { requestId: 'x', allow: true }]) {
      const answer = await call(bad);
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
    }
    expect((await call({ requestId: 'x', allow: true })).status).toBe(404);
    const decided = await call({ requestId, allow: false });
    expect(decided.json).toEqual({ ok: true, value: { decision: 'denied' } });
    const again = await call({ requestId, allow: true });
    expect([again.status, errorOf(again.json)]).toEqual([404, 'SIGN_IN_REQUEST_NOT_FOUND']);
  });

  it('over IPC: the same schema, the same single decision', async () => {
    world = await openWorld();
    const { requestId } = await twoFactorRequest(world);
    expect(await world.ipc('answerSignInRequest', { requestId, allow: 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await world.ipc('answerSignInRequest', { requestId, allow: true })).toEqual({ ok: true, value: { decision: 'allowed' } });
    expect(await world.ipc('answerSignInRequest', { requestId, allow: false })).toMatchObject({ ok: false, error: { code: 'SIGN_IN_REQUEST_NOT_FOUND' } });
  });

  it("the site's wait: a made-up verification is not found, a refused one is SIGN_IN_DENIED at once", async () => {
    world = await openWorld();
    const { requestId, verificationId } = await twoFactorRequest(world);
    const wait = (body: unknown) => request(world!.site, SITE_HOST, '/api/site/signInDecision', { body: JSON.stringify(body), headers: world!.siteHeaders });
    expect(errorOf((await wait({ verificationId: 'f'.repeat(32) })).json)).toBe('VERIFICATION_NOT_FOUND');
    expect(errorOf((await wait({ verificationId, more: true })).json)).toBe('INVALID_INPUT');
    world.service.answerSignInRequest({ requestId, allow: false });
    const denied = await wait({ verificationId });
    expect([denied.status, errorOf(denied.json)]).toEqual([403, 'SIGN_IN_DENIED']);
  });
});
