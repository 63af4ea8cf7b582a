import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { IdentityService } from '../../../main/identity/identity-service.js';
import { DeviceInbox } from '../../../main/identity/service/device-inbox.js';
import { startAccountSite } from '../../../main/server/account-site-server.js';
import { startAppServer } from '../../../main/server/app-server.js';
import { ManualClock } from '../../../main/identity/clock.js';
import { DEMO_ACCOUNT, openService, pendingRequest } from '../helpers/identity.js';
import { askAccountSite, askAppStore, askICloudWeb, askSupport } from '../places/places-helpers.js';

/**
 * A page waiting for the iPhone's Allow / Don't Allow holds one request open for up to 25 s. A
 * page closed, reloaded or opened many times over must not leave its waits behind: when the
 * browser hangs up, the server's wait ends at once — its timer, its place among the waiters —
 * instead of running out its 25 s for nobody. Asked as an attacker would: many waits, then all
 * of them dropped.
 */
const { appleId } = DEMO_ACCOUNT;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the inbox forgets a wait whose page hung up', () => {
  it('ends the wait with "pending" when its signal aborts, and keeps the others', async () => {
    const inbox = new DeviceInbox(new ManualClock());
    const dropped = new AbortController();
    const kept = new AbortController();
    const droppedWait = inbox.decision('verification-a', 60_000, dropped.signal);
    const keptWait = inbox.decision('verification-a', 60_000, kept.signal);
    expect(inbox.waiting).toBe(2);

    dropped.abort();
    await expect(droppedWait).resolves.toBe('pending');
    expect(inbox.waiting).toBe(1);

    inbox.clear();
    await expect(keptWait).resolves.toBe('pending');
    expect(inbox.waiting).toBe(0);
  });

  it('never starts waiting for a request that has already hung up', async () => {
    const inbox = new DeviceInbox(new ManualClock());
    const gone = AbortSignal.abort();
    await expect(inbox.decision('verification-a', 60_000, gone)).resolves.toBe('pending');
    expect(inbox.waiting).toBe(0);
  });

  it('a wait that ends by its answer or its time no longer listens to its signal', async () => {
    vi.useFakeTimers();
    onTestFinished(() => void vi.useRealTimers());
    const inbox = new DeviceInbox(new ManualClock());
    const signal = new AbortController().signal;
    const removed = vi.spyOn(signal, 'removeEventListener');
    const wait = inbox.decision('verification-a', 1000, signal);
    await vi.advanceTimersByTimeAsync(1000);
    await expect(wait).resolves.toBe('pending');
    expect(removed).toHaveBeenCalledWith('abort', expect.any(Function));
    expect(inbox.waiting).toBe(0);
  });
});

const LAUNCH_KEY = 'abandoned-waits-launch-key';

/** Where each place's page waits: the account site's origin, or (the App Store in browser mode) the app server's with its launch key. */
async function serverFor(service: IdentityService, app: boolean): Promise<{ origin: string; headers: Record<string, string> }> {
  const staticRoot = mkdtempSync(join(tmpdir(), 'twostep-static-'));
  const site = await startAccountSite({ service, staticRoot });
  onTestFinished(() => site.close());
  if (!app) return { origin: site.origin, headers: { origin: site.origin } };
  const apps = await startAppServer({ service, staticRoot, accountSiteOrigin: () => site.origin, launchKey: LAUNCH_KEY });
  onTestFinished(() => apps.close());
  return { origin: apps.origin, headers: { origin: apps.origin, 'x-twostep-key': LAUNCH_KEY } };
}

describe.each([
  { place: 'My Apple ID', path: '/api/site/signInDecision', ask: askAccountSite },
  { place: 'iCloud.com', path: '/api/icloud/signInDecision', ask: askICloudWeb },
  { place: 'Apple ID support', path: '/api/support/signInDecision', ask: askSupport },
  { place: 'the App Store (browser mode)', path: '/api/app/appStoreSignInDecision', ask: askAppStore, app: true },
])("$place's wait over a real connection", ({ path, ask, app }) => {
  it('40 waits opened and then dropped by the browser leave no wait behind; a page that stays still hears Allow', async () => {
    const { service } = await openService();
    await service.runScenario({ event: 'security-level', appleId, level: 'two-factor' });
    const server = await serverFor(service, app ?? false);
    // The inbox the server's waits go to: the one whose `decision` the handlers reach.
    const decision = vi.spyOn(DeviceInbox.prototype, 'decision');
    const inbox = () => decision.mock.contexts[0] as DeviceInbox;

    const verificationId = await ask(service);
    const post = (signal?: AbortSignal) =>
      fetch(`${server.origin}${path}`, { method: 'POST', headers: { ...server.headers, 'content-type': 'application/json' }, body: JSON.stringify({ verificationId }), signal });

    const dropped = Array.from({ length: 40 }, () => new AbortController());
    const abandoned = dropped.map((controller) => post(controller.signal).catch((error: unknown) => error));
    await vi.waitFor(() => expect(inbox().waiting).toBe(40));
    for (const controller of dropped) controller.abort();
    await Promise.all(abandoned);
    // Each hang-up reaches the server's wait, which ends then — not 25 s later.
    await vi.waitFor(() => expect(inbox().waiting).toBe(0));

    const staying = post();
    await vi.waitFor(() => expect(inbox().waiting).toBe(1));
    service.answerSignInRequest({ requestId: pendingRequest(service).id, allow: true });
    const answer = await staying;
    expect(await answer.json()).toEqual({ ok: true, value: { decision: 'allowed' } });
    expect(inbox().waiting).toBe(0);
  });
});
