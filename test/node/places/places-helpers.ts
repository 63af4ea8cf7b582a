import type { IdentityService } from '../../../main/identity/identity-service.js';
import { codeOnDevice, DEMO_ACCOUNT, deviceOf } from '../helpers/identity.js';

/** What a place's first step answers: signed in with a value, or a challenge (as verify-with-code.ts). */
type Step = { status: 'SIGNED_IN' } | { status: 'VERIFICATION_REQUIRED'; verificationId: string; devices: { id: number; kind: string }[] };

/** Sends a code to the trusted iPhone of a challenge and reads it off the phone. */
export function codeFor(service: IdentityService, challenge: Step, send: (input: { verificationId: string; deviceId: number }) => unknown): { verificationId: string; code: string } {
  if (challenge.status !== 'VERIFICATION_REQUIRED') throw new Error('expected a code to be asked for');
  const deviceId = deviceOf(challenge.devices, 'iphone');
  send({ verificationId: challenge.verificationId, deviceId });
  return { verificationId: challenge.verificationId, code: codeOnDevice(service, deviceId) };
}

/** Signs in to iCloud.com as the user does (password, code from the iPhone); returns the session token. */
export async function signInICloudWeb(service: IdentityService, keepSignedIn = false): Promise<string> {
  const challenge = await service.places.icloudSignIn({ appleId: DEMO_ACCOUNT.appleId, password: DEMO_ACCOUNT.password, keepSignedIn });
  if (challenge.status === 'SIGNED_IN') return challenge.token;
  const { verificationId, code } = codeFor(service, challenge, (input) => service.places.icloudSendCode(input));
  return service.places.icloudVerifyCode({ verificationId, code, keepSignedIn }).token;
}

/** Signs in to Apple ID support (password, code); returns the session token. */
export async function signInSupport(service: IdentityService): Promise<string> {
  const challenge = await service.places.supportSignIn({ appleId: DEMO_ACCOUNT.appleId, password: DEMO_ACCOUNT.password });
  if (challenge.status === 'SIGNED_IN') return challenge.value;
  const { verificationId, code } = codeFor(service, challenge, (input) => service.places.supportSendCode(input));
  return service.places.supportVerifyCode({ verificationId, code }).token;
}

/** Signs in to the App Store on this Mac (with the code where the Mac is not trusted yet). */
export async function signInAppStore(service: IdentityService, password: string = DEMO_ACCOUNT.password) {
  const challenge = await service.places.appStoreSignIn({ appleId: DEMO_ACCOUNT.appleId, password });
  if (challenge.status === 'SIGNED_IN') return { asked: false, store: challenge.store };
  const { verificationId, code } = codeFor(service, challenge, (input) => service.places.appStoreSendCode(input));
  return { asked: true, store: service.places.appStoreVerifyCode({ verificationId, code }) };
}

/** A sign-in under two-factor authentication whose code was asked for at the iPhone: its verification (the iPhone now asks Allow / Don't Allow). */
async function askedAtIPhone(start: () => Promise<unknown>, send: (input: { verificationId: string; deviceId: number }) => unknown): Promise<string> {
  const challenge = (await start()) as { status: string; verificationId: string; devices: { id: number; kind: string }[] };
  if (challenge.status !== 'VERIFICATION_REQUIRED') throw new Error('expected a verification');
  send({ verificationId: challenge.verificationId, deviceId: deviceOf(challenge.devices, 'iphone') });
  return challenge.verificationId;
}

const { appleId, password } = DEMO_ACCOUNT;
export const askICloudWeb = (s: IdentityService) => askedAtIPhone(() => s.places.icloudSignIn({ appleId, password, keepSignedIn: false }), (i) => s.places.icloudSendCode(i));
export const askSupport = (s: IdentityService) => askedAtIPhone(() => s.places.supportSignIn({ appleId, password }), (i) => s.places.supportSendCode(i));
export const askAppStore = (s: IdentityService) => askedAtIPhone(() => s.places.appStoreSignIn({ appleId, password }), (i) => s.places.appStoreSendCode(i));
export const askAccountSite = (s: IdentityService) => askedAtIPhone(() => s.signInAccountSite({ appleId, password }), (i) => s.sendAccountSiteCode(i));
