import type { IdentityService } from '../../../main/identity/identity-service.js';
import type { TrustPlace } from '../../../preload/contract/trusted-browsers-types.js';
import { DEMO_ACCOUNT, signInSite } from '../helpers/identity.js';
import { codeFor } from '../places/places-helpers.js';

const { appleId, password } = DEMO_ACCOUNT;
export const CHROME_ON_MAC = { browser: 'chrome', os: 'mac' } as const;

/** The demo account switched to two-factor authentication, as My Apple ID does it (with the password). */
export async function twoFactor(service: IdentityService): Promise<void> {
  const token = await signInSite(service);
  await service.setSecurityLevel(token, { level: 'two-factor', currentPassword: password });
  service.signOutAccountSite(token);
}

/** The password step at `place`, with what the browser sent of a trust. */
export function passwordStep(service: IdentityService, place: TrustPlace, trustTokens: string[] = [], pass: string = password) {
  return place === 'account-site'
    ? service.signInAccountSite({ appleId, password: pass }, trustTokens)
    : service.places.icloudSignIn({ appleId, password: pass, keepSignedIn: false }, trustTokens);
}

/** A sign-in with the code from the iPhone: the session, and the verification the question belongs to. */
export async function signInWithCode(service: IdentityService, place: TrustPlace) {
  const challenge = await passwordStep(service, place);
  const send = (input: { verificationId: string; deviceId: number }) =>
    place === 'account-site' ? service.sendAccountSiteCode(input) : service.places.icloudSendCode(input);
  const { verificationId, code } = codeFor(service, challenge, send);
  const done = place === 'account-site' ? service.completeAccountSiteSignIn({ verificationId, code }) : service.places.icloudVerifyCode({ verificationId, code, keepSignedIn: false });
  return { ...done, verificationId };
}

/** Signs in with a code and answers Trust: the trust's token. */
export async function trustThisBrowser(service: IdentityService, place: TrustPlace = 'account-site'): Promise<{ trust: string; session: string }> {
  const { token, verificationId } = await signInWithCode(service, place);
  const answer = service.trustedBrowsers.decide(place, token, { verificationId, decision: 'trust' }, CHROME_ON_MAC);
  if (!answer) throw new Error('Trust was not granted');
  return { trust: answer.token, session: token };
}
