import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { PresenterState, SitePresenterView } from '../../preload/contract/presenter.js';
import { DAY, ManualClock, MINUTE } from '../../main/identity/clock.js';
import { Presenter } from '../../main/presenter/presenter.js';
import { PresenterClock } from '../../main/presenter/presenter-clock.js';
import { appHandlers } from '../../main/app-api/app-handlers.js';
import { startAccountSite } from '../../main/server/account-site-server.js';
import { startAppServer } from '../../main/server/app-server.js';
import { TEST_SCRYPT_COST } from '../../main/identity/crypto/password-hasher.js';
import { IdentityService } from '../../main/identity/identity-service.js';
import { DEMO_ACCOUNT, deviceOf, identityError } from './helpers/identity.js';
import { openSse } from './helpers/sse.js';

const { appleId, password } = DEMO_ACCOUNT;
const LAUNCH_KEY = 'this-launch-key-of-the-presenter-test';

/** A service whose clock is a presenter clock over a manual one, as browser mode wires it in test mode. */
async function presenterWorld() {
  const base = new ManualClock();
  const presenter = new Presenter(new PresenterClock(base), 'en');
  const service = await IdentityService.open({ path: ':memory:', clock: presenter.clock, scryptCost: TEST_SCRYPT_COST });
  onTestFinished(() => service.close());
  return { base, presenter, service };
}

describe('the presenter clock', () => {
  it('skipping 10 minutes expires a code the iPhone just received: refused as expired, gone from the device', async () => {
    const { presenter, service: presenterService } = await presenterWorld();
    const clock = presenter.clock;

    const challenge = await presenterService.signInAccountSite({ appleId, password });
    if (challenge.status !== 'VERIFICATION_REQUIRED') throw new Error('expected a challenge');
    presenterService.sendAccountSiteCode({ verificationId: challenge.verificationId, deviceId: deviceOf(challenge.devices, 'iphone') });
    const [sent] = presenterService.deviceNotifications();
    expect(sent).toBeDefined();

    clock.skip(10 * MINUTE);
    expect(clock.skippedMs).toBe(10 * MINUTE);
    expect(presenterService.deviceNotifications()).toEqual([]);
    const refused = await identityError(() => presenterService.completeAccountSiteSignIn({ verificationId: challenge.verificationId, code: sent!.code }));
    expect(refused.code).toBe('CODE_EXPIRED');
  });

  it('runs at most 60 days ahead (30 days of a trusted browser fit); a skip past that is refused and moves nothing', () => {
    const clock = new PresenterClock(new ManualClock(1_000));
    for (let i = 0; i < 60; i++) clock.skip(DAY);
    expect(clock.now()).toBe(1_000 + 60 * DAY);
    expect(() => clock.skip(MINUTE)).toThrow(expect.objectContaining({ code: 'CLOCK_SKIP_LIMIT', params: { days: 60 } }));
    expect(clock.skippedMs).toBe(60 * DAY);
    clock.reset();
    expect(clock.now()).toBe(1_000);
  });
});

describe('the presenter state', () => {
  it('tells subscribers each change once: the language, the tour step', () => {
    const presenter = Presenter.standalone('en');
    const seen: PresenterState[] = [];
    presenter.subscribe((state) => seen.push(state));
    presenter.setLanguage('ja');
    presenter.setLanguage('ja');
    presenter.setTour({ step: 'readCode', completed: false });
    presenter.setTour({ step: 'readCode', completed: false });
    expect(seen.map((s) => [s.lang, s.tour?.step ?? null])).toEqual([
      ['ja', null],
      ['ja', 'readCode'],
    ]);
  });

  it('Reset & restart (resetDemo): the demo account anew, real time again, no tour step, a new run', async () => {
    const { presenter, service } = await presenterWorld();
    const handlers = appHandlers(service, { kind: 'browser', accountSiteOrigin: () => 'http://127.0.0.1:1' }, presenter);
    await handlers.skipClock({ minutes: 10 }, undefined);
    await handlers.setTour({ tour: { step: 'useIt', completed: false } }, undefined);
    const before = await handlers.presenter({}, undefined);
    expect(before).toMatchObject({ skippedMs: 10 * MINUTE, run: 0, tour: { step: 'useIt' } });

    await handlers.resetDemo({}, undefined);
    expect(await handlers.presenter({}, undefined)).toEqual({ lang: 'en', tour: null, skippedMs: 0, run: 1, siteTabs: 0, largeType: false, macOs: '10.11' });
    expect((await service.signInAccountSite({ appleId, password })).status).toBe('VERIFICATION_REQUIRED');
  });
});

describe('the presenter streams of browser mode', () => {
  async function servers() {
    const { presenter, service } = await presenterWorld();
    const staticRoot = join(process.cwd(), 'dist', 'renderer');
    const site = await startAccountSite({ service, staticRoot, presenter });
    const apps = await startAppServer({ service, staticRoot, presenter, accountSiteOrigin: () => site.origin, launchKey: LAUNCH_KEY });
    onTestFinished(async () => {
      await Promise.all([site.close(), apps.close()]);
    });
    const appCall = async (method: string, body: object, key: string | null = LAUNCH_KEY) => {
      const response = await fetch(`${apps.origin}/api/app/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: apps.origin, ...(key ? { 'x-twostep-key': key } : {}) },
        body: JSON.stringify(body),
      });
      return { status: response.status, json: (await response.json()) as { ok: boolean; value: PresenterState & { url: string; opened: boolean } } };
    };
    return { presenter, service, site, apps, appCall };
  }

  it('a language chosen on the stage reaches an open My Apple ID tab, and the site can choose it back without a session', async () => {
    const { site, appCall } = await servers();
    const stream = await openSse(`${site.origin}/api/presenter/events`);
    onTestFinished(() => stream.close());
    expect(JSON.parse((await stream.next('presenter')).data)).toEqual({ lang: 'en', tour: null, run: 0, largeType: false } satisfies SitePresenterView);

    expect((await appCall('setLanguage', { lang: 'ja' })).json.value.lang).toBe('ja');
    expect(JSON.parse((await stream.next('presenter')).data)).toMatchObject({ lang: 'ja' });

    const response = await fetch(`${site.origin}/api/site/setLanguage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: site.origin },
      body: JSON.stringify({ lang: 'en' }),
    });
    expect(await response.json()).toEqual({ ok: true, value: { lang: 'en', tour: null, run: 0, largeType: false } });
    expect((await appCall('presenter', {})).json.value.lang).toBe('en');
    // The page itself is served in the language of the moment.
    expect(await (await fetch(`${site.origin}/sign-in`)).text()).toContain('<meta name="twostep-lang" content="en">');
  });

  it('the site stream carries the language, the tour step, the run and Large type only: never a code, the clock or the tab count', async () => {
    const { site, service, appCall } = await servers();
    const stream = await openSse(`${site.origin}/api/presenter/events`);
    onTestFinished(() => stream.close());
    await stream.next('presenter');
    await appCall('setTour', { tour: { step: 'readCode', completed: false } });
    const challenge = await service.signInAccountSite({ appleId, password });
    if (challenge.status !== 'VERIFICATION_REQUIRED') throw new Error('expected a challenge');
    service.sendAccountSiteCode({ verificationId: challenge.verificationId, deviceId: deviceOf(challenge.devices, 'iphone') });
    const code = service.deviceNotifications()[0]!.code;
    await appCall('skipClock', { minutes: 10 });
    await appCall('setLanguage', { lang: 'ja' });
    await appCall('setLargeType', { on: true });
    await stream.next('presenter');
    await stream.next('presenter');
    expect(JSON.parse((await stream.next('presenter')).data)).toMatchObject({ largeType: true });
    const everything = stream.all.map((m) => m.data).join('\n');
    expect(everything).not.toContain(code);
    for (const message of stream.all) expect(Object.keys(JSON.parse(message.data) as object).sort()).toEqual(['lang', 'largeType', 'run', 'tour']);
  });

  it('the app server answers its presenter calls and stream only with this launch key', async () => {
    const { apps, appCall, presenter } = await servers();
    for (const key of [null, 'a-guessed-key']) {
      for (const [method, body] of [
        ['presenter', {}],
        ['setLanguage', { lang: 'ja' }],
        ['skipClock', { minutes: 10 }],
        ['setTour', { tour: null }],
      ] as const) {
        const { status, json } = await appCall(method, body, key);
        expect(status, `${method} with ${key}`).toBe(403);
        expect(json).toMatchObject({ ok: false, error: { code: 'LAUNCH_KEY_REQUIRED' } });
      }
      expect((await fetch(`${apps.origin}/api/app/presenter-events${key ? `?key=${key}` : ''}`)).status).toBe(403);
    }
    expect(presenter.state()).toMatchObject({ lang: 'en', skippedMs: 0 });
    const stream = await openSse(`${apps.origin}/api/app/presenter-events?key=${LAUNCH_KEY}`);
    onTestFinished(() => stream.close());
    await appCall('skipClock', { minutes: 10 });
    expect(JSON.parse((await stream.next('presenter')).data)).toMatchObject({ skippedMs: 10 * MINUTE });
  });

  it('Create with My Apple ID open: the newest open tab shows the page, no new tab; with none open, the page opens one', async () => {
    const { site, appCall } = await servers();
    const none = await appCall('openAccountSite', { page: 'generate', label: 'iMessage and FaceTime', lang: 'ja', reuseOpenTab: true });
    expect(none.json.value.opened).toBe(false);

    const older = await openSse(`${site.origin}/api/presenter/events`);
    const newer = await openSse(`${site.origin}/api/presenter/events`);
    onTestFinished(() => (older.close(), newer.close()));
    await Promise.all([older.next('presenter'), newer.next('presenter')]);
    await expect.poll(async () => (await appCall('presenter', {})).json.value.siteTabs).toBe(2);

    const reused = await appCall('openAccountSite', { page: 'generate', label: 'iMessage and FaceTime', lang: 'ja', reuseOpenTab: true });
    expect(reused.json.value.opened).toBe(true);
    const { path } = JSON.parse((await newer.next('navigate')).data) as { path: string };
    expect(path).toBe('/account/app-passwords/new?label=iMessage+and+FaceTime&lang=ja');
    expect(older.all.filter((m) => m.event === 'navigate')).toEqual([]);

    // Without asking to reuse (a page that opened its own tab already), no tab is told anything.
    expect((await appCall('openAccountSite', { page: 'manage', lang: 'en' })).json.value.opened).toBe(false);
    newer.close();
    await expect.poll(async () => (await appCall('presenter', {})).json.value.siteTabs).toBe(1);
  });
});
