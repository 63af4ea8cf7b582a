import { describe, expect, it } from 'vitest';
import { CODE_RESEND_INTERVAL_MS } from '../../main/identity/service/verification.js';
import type { IdentityService } from '../../main/identity/identity-service.js';
import { DEMO_ACCOUNT, deviceOf, openService } from './helpers/identity.js';

/**
 * Several sign-ins of one account under way at once (My Apple ID in one browser, iCloud on a
 * new Mac): each keeps its own code, and one starting or asking again leaves the others alone.
 */
const { appleId, password } = DEMO_ACCOUNT;

async function siteSignIn(service: IdentityService) {
  const challenge = await service.signInAccountSite({ appleId, password });
  if (challenge.status !== 'VERIFICATION_REQUIRED') throw new Error('expected a challenge');
  const input = { verificationId: challenge.verificationId, deviceId: deviceOf(challenge.devices, 'iphone') };
  return { ...input, send: () => service.sendAccountSiteCode(input), complete: (code: string) => service.completeAccountSiteSignIn({ verificationId: input.verificationId, code }) };
}

async function iCloudSignIn(service: IdentityService) {
  const challenge = await service.signInClient({ clientKind: 'icloud', appleId, password });
  if (challenge.status !== 'VERIFICATION_REQUIRED') throw new Error('expected a challenge');
  const input = { verificationId: challenge.verificationId, deviceId: deviceOf(challenge.devices, 'iphone') };
  return { ...input, send: () => service.sendICloudCode(input), complete: (code: string) => service.completeICloudSignIn({ verificationId: input.verificationId, code }) };
}

/** The iPhone's newest notification: what the user reads the code from. */
const newest = (service: IdentityService) => service.deviceNotifications()[0]!;

describe('two sign-ins of one account at once', () => {
  it('a sign-in started a moment after another leaves the first one open: its code still works', async () => {
    const { service, clock } = await openService();
    const site = await siteSignIn(service);
    site.send();
    const siteCode = newest(service).code;
    clock.advance(1_000);
    // Starting a sign-in clears away only verifications long over, never one still waiting.
    const icloud = await iCloudSignIn(service);
    clock.advance(1_000);
    await siteSignIn(service);
    expect(site.complete(siteCode).token).toEqual(expect.any(String));
    icloud.send();
    expect(icloud.complete(newest(service).code).clientKind).toBe('icloud');
  });

  it('each code replaces only the earlier code of its own sign-in on the iPhone', async () => {
    const { service, clock } = await openService();
    const site = await siteSignIn(service);
    const icloud = await iCloudSignIn(service);
    site.send();
    const firstSite = newest(service);
    icloud.send();
    const icloudNote = newest(service);
    // The iCloud code is the first of its sign-in: the site's code on the iPhone is still valid.
    expect(icloudNote.replaces).toBeNull();
    clock.advance(CODE_RESEND_INTERVAL_MS);
    site.send();
    expect(newest(service).replaces).toBe(firstSite.id);
    clock.advance(CODE_RESEND_INTERVAL_MS);
    icloud.send();
    expect(newest(service).replaces).toBe(icloudNote.id);
    expect(icloud.complete(newest(service).code).clientKind).toBe('icloud');
  });
});
