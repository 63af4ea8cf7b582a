import { describe, expect, it } from 'vitest';
import type { IdentityService } from '../../../main/identity/identity-service.js';
import { DEMO_ACCOUNT, deviceOf, identityError, openService, pendingRequest } from '../helpers/identity.js';

/**
 * Allow / Don't Allow heard at once by the place that asked (two-factor authentication): each
 * place's page waits on its own decision endpoint, as My Apple ID does. An endpoint answers only
 * about its own place's sign-ins: a verification id of another place is not found there, even
 * when that other sign-in was refused (so no endpoint tells what became of another's attempt).
 */
const { appleId, password } = DEMO_ACCOUNT;

type Wait = (input: { verificationId: string }) => Promise<{ decision: 'allowed' | 'pending' }>;

interface Place {
  name: string;
  /** Password given, a code asked for at the trusted iPhone: the verification it waits on. */
  ask: (service: IdentityService) => Promise<string>;
  wait: (service: IdentityService) => Wait;
}

/** Starts a place's sign-in and sends its code to the iPhone (which then asks Allow / Don't Allow). */
function asking(
  start: (service: IdentityService) => Promise<unknown>,
  send: (service: IdentityService, input: { verificationId: string; deviceId: number }) => { awaitsApproval: boolean },
) {
  return async (service: IdentityService): Promise<string> => {
    const challenge = (await start(service)) as { status: string; verificationId: string; devices: { id: number; kind: string }[] };
    if (challenge.status !== 'VERIFICATION_REQUIRED') throw new Error(`expected a code to be asked for, got ${challenge.status}`);
    const sent = send(service, { verificationId: challenge.verificationId, deviceId: deviceOf(challenge.devices, 'iphone') });
    expect(sent.awaitsApproval).toBe(true);
    return challenge.verificationId;
  };
}

const ICLOUD_WEB: Place = {
  name: 'iCloud.com',
  ask: asking((s) => s.places.icloudSignIn({ appleId, password, keepSignedIn: false }), (s, input) => s.places.icloudSendCode(input)),
  wait: (s) => (input) => s.places.icloudSignInDecision(input),
};
const SUPPORT: Place = {
  name: 'Apple ID support',
  ask: asking((s) => s.places.supportSignIn({ appleId, password }), (s, input) => s.places.supportSendCode(input)),
  wait: (s) => (input) => s.places.supportSignInDecision(input),
};
const APP_STORE: Place = {
  name: 'the App Store',
  ask: asking((s) => s.places.appStoreSignIn({ appleId, password }), (s, input) => s.places.appStoreSendCode(input)),
  wait: (s) => (input) => s.places.appStoreSignInDecision(input),
};
/** My Apple ID: the endpoint that was there first, asked from elsewhere too. */
const ACCOUNT_SITE: Place = {
  name: 'My Apple ID',
  ask: asking((s) => s.signInAccountSite({ appleId, password }), (s, input) => s.sendAccountSiteCode(input)),
  wait: (s) => (input) => s.accountSiteSignInDecision(input),
};

const PLACES = [ICLOUD_WEB, SUPPORT, APP_STORE];

async function twoFactorService() {
  const opened = await openService();
  await opened.service.runScenario({ event: 'security-level', appleId, level: 'two-factor' });
  return opened;
}

const answer = (service: IdentityService, allow: boolean) => service.answerSignInRequest({ requestId: pendingRequest(service).id, allow });

describe.each(PLACES)('$name waits for the trusted iPhone on its own decision endpoint', (place) => {
  it("answers 'allowed' as soon as Allow is tapped, and again when asked afterwards", async () => {
    const { service } = await twoFactorService();
    const verificationId = await place.ask(service);
    const waiting = place.wait(service)({ verificationId });
    answer(service, true);
    await expect(waiting).resolves.toEqual({ decision: 'allowed' });
    await expect(place.wait(service)({ verificationId })).resolves.toEqual({ decision: 'allowed' });
  });

  it("throws SIGN_IN_DENIED to the page waiting when Don't Allow is tapped, and to every later ask", async () => {
    const { service } = await twoFactorService();
    const verificationId = await place.ask(service);
    const waiting = place.wait(service)({ verificationId });
    answer(service, false);
    expect((await identityError(() => waiting)).code).toBe('SIGN_IN_DENIED');
    expect((await identityError(() => place.wait(service)({ verificationId }))).code).toBe('SIGN_IN_DENIED');
  });

  it('refuses an unknown verification id, and input that is not its schema', async () => {
    const { service } = await twoFactorService();
    const refused = async (input: unknown) => (await identityError(() => place.wait(service)(input as { verificationId: string }))).code;
    expect(await refused({ verificationId: 'f'.repeat(32) })).toBe('VERIFICATION_NOT_FOUND');
    // What is not an id at all is not found either (the schema's word for it, as everywhere).
    expect(await refused({ verificationId: '../x' })).toBe('VERIFICATION_NOT_FOUND');
    for (const bad of [{}, { verificationId: 'f'.repeat(32), more: 1 }, { verificationId: 32 }, null]) expect(await refused(bad)).toBe('INVALID_INPUT');
  });
});

describe("a place's endpoint never answers about another place's sign-in", () => {
  const everyPlace = [ACCOUNT_SITE, ...PLACES];

  it('each endpoint refuses the verification ids of all the others, pending or refused, as not found', async () => {
    const { service } = await twoFactorService();
    const pending = new Map<Place, string>();
    for (const place of everyPlace) pending.set(place, await place.ask(service));
    // One more attempt per place, refused on the iPhone: still none of another place's business.
    const refused = new Map<Place, string>();
    for (const place of everyPlace) {
      refused.set(place, await place.ask(service));
      answer(service, false);
    }

    for (const asker of everyPlace) {
      for (const other of everyPlace.filter((p) => p !== asker)) {
        for (const verificationId of [pending.get(other)!, refused.get(other)!]) {
          const error = await identityError(() => asker.wait(service)({ verificationId }));
          expect(error.code, `${asker.name} asked about ${other.name}'s sign-in`).toBe('VERIFICATION_NOT_FOUND');
        }
      }
      // Its own refused attempt it does hear about.
      expect((await identityError(() => asker.wait(service)({ verificationId: refused.get(asker)! }))).code).toBe('SIGN_IN_DENIED');
    }
  });

  it("asking from elsewhere does not touch the sign-in: the place's own page still hears Allow", async () => {
    const { service } = await twoFactorService();
    const verificationId = await SUPPORT.ask(service);
    await identityError(() => ICLOUD_WEB.wait(service)({ verificationId }));
    await identityError(() => APP_STORE.wait(service)({ verificationId }));
    const waiting = SUPPORT.wait(service)({ verificationId });
    answer(service, true);
    await expect(waiting).resolves.toEqual({ decision: 'allowed' });
  });
});
