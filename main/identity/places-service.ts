import type { CodeSent, SignInDecision } from '../../preload/contract/account-site-types.js';
import { inputs, type Inputs } from '../../preload/contract/inputs.js';
import { placesInputs, type PlacesInputs } from '../../preload/contract/places-inputs.js';
import type {
  AppStoreSignInResult,
  AppStoreView,
  ICloudWebHome,
  PlacesView,
  SupportCaseView,
  SupportView,
} from '../../preload/contract/places-types.js';
import { appStoreView, completeAppStoreSignIn, getApp, placesView, signInAppStore, signOutAppStore } from './service/app-store.js';
import type { ServiceContext } from './service/context.js';
import { icloudHome, signOutAllBrowsers } from './service/icloud-web.js';
import { awaitSignInDecision } from './service/sign-in-approval.js';
import { completeSupportSignIn, openSupportCase, signInSupport, supportView } from './service/support.js';
import { transact } from './service/context.js';
import type { CodePlace } from './policy/place-rules.js';
import type { PasswordStepResult } from './service/verify-with-code.js';
import { sendCodeFor } from './service/verify-with-code.js';
import { completeWebSignIn, webSignIn, type WebSignInCompleted, type WebSignInResult } from './service/web-sign-in.js';
import { endWebSessionById, signOutWebSession, webSessionOpen } from './service/web-sessions.js';
import { parseInput } from './validate.js';

/**
 * The seed's remaining places (issue 19), as part of the identity service: iCloud.com and Apple
 * ID support (browser sessions of the account site's origin), the App Store on the Mac, and what
 * the control center shows of them. Every method validates its input with the contract's schemas
 * and fails only with an IdentityError; the browser places take the session token of their cookie.
 */
export class PlacesService {
  constructor(private readonly ctx: ServiceContext) {}

  // — iCloud.com —

  /** `trustTokens`: what the browser sent of "Trust this browser?" (two-factor authentication). */
  icloudSignIn(input: PlacesInputs['icloudSignIn'], trustTokens: readonly string[] = []): Promise<WebSignInResult> {
    const { appleId, password, keepSignedIn } = parseInput(placesInputs.icloudSignIn, input);
    return webSignIn(this.ctx, 'icloud-web', appleId, password, { keepSignedIn, trustTokens });
  }

  icloudSendCode(input: Inputs['sendCode']): CodeSent {
    const { verificationId, deviceId } = parseInput(inputs.sendCode, input);
    return sendCodeFor(this.ctx, 'icloud-web', verificationId, deviceId);
  }

  /** Two-factor: the iPhone's Allow / Don't Allow, about iCloud.com's own sign-ins only. */
  icloudSignInDecision(input: Inputs['signInDecision'], signal?: AbortSignal): Promise<SignInDecision> {
    return this.decision('icloud-web', input, signal);
  }

  icloudVerifyCode(input: PlacesInputs['icloudVerifyCode']): WebSignInCompleted {
    const { verificationId, code, keepSignedIn } = parseInput(placesInputs.icloudVerifyCode, input);
    return completeWebSignIn(this.ctx, 'icloud-web', verificationId, code, { keepSignedIn });
  }

  icloudHome(token: string): ICloudWebHome {
    return icloudHome(this.ctx, token);
  }

  icloudSessionOpen(token: string): boolean {
    return webSessionOpen(this.ctx, 'icloud-web', token);
  }

  icloudSignOut(token: string): void {
    signOutWebSession(this.ctx, 'icloud-web', token);
  }

  icloudSignOutAllBrowsers(token: string): { ended: number } {
    return signOutAllBrowsers(this.ctx, token);
  }

  // — Apple ID support —

  supportSignIn(input: Inputs['signIn']): Promise<PasswordStepResult<string>> {
    const { appleId, password } = parseInput(inputs.signIn, input);
    return signInSupport(this.ctx, appleId, password);
  }

  supportSendCode(input: Inputs['sendCode']): CodeSent {
    const { verificationId, deviceId } = parseInput(inputs.sendCode, input);
    return sendCodeFor(this.ctx, 'support', verificationId, deviceId);
  }

  /** Two-factor: the iPhone's Allow / Don't Allow, about support's own sign-ins only. */
  supportSignInDecision(input: Inputs['signInDecision'], signal?: AbortSignal): Promise<SignInDecision> {
    return this.decision('support', input, signal);
  }

  supportVerifyCode(input: Inputs['verifyCode']): { token: string } {
    const { verificationId, code } = parseInput(inputs.verifyCode, input);
    return { token: completeSupportSignIn(this.ctx, verificationId, code) };
  }

  support(token: string): SupportView {
    return supportView(this.ctx, token);
  }

  supportSessionOpen(token: string): boolean {
    return webSessionOpen(this.ctx, 'support', token);
  }

  supportSignOut(token: string): void {
    signOutWebSession(this.ctx, 'support', token);
  }

  openSupportCase(token: string, input: PlacesInputs['supportCase']): SupportCaseView {
    const { topic, description } = parseInput(placesInputs.supportCase, input);
    return openSupportCase(this.ctx, token, topic, description);
  }

  // — the App Store on this Mac —

  appStore(): AppStoreView {
    return transact(this.ctx, () => appStoreView(this.ctx));
  }

  appStoreSignIn(input: Inputs['signIn']): Promise<AppStoreSignInResult> {
    const { appleId, password } = parseInput(inputs.signIn, input);
    return signInAppStore(this.ctx, appleId, password);
  }

  appStoreSendCode(input: Inputs['sendCode']): CodeSent {
    const { verificationId, deviceId } = parseInput(inputs.sendCode, input);
    return sendCodeFor(this.ctx, 'app-store', verificationId, deviceId);
  }

  /** Two-factor: the iPhone's Allow / Don't Allow, about the App Store's own sign-ins only. */
  appStoreSignInDecision(input: Inputs['signInDecision'], signal?: AbortSignal): Promise<SignInDecision> {
    return this.decision('app-store', input, signal);
  }

  appStoreVerifyCode(input: Inputs['verifyCode']): AppStoreView {
    const { verificationId, code } = parseInput(inputs.verifyCode, input);
    return completeAppStoreSignIn(this.ctx, verificationId, code);
  }

  appStoreGet(input: PlacesInputs['appStoreGet']): AppStoreView {
    const { appId } = parseInput(placesInputs.appStoreGet, input);
    return getApp(this.ctx, appId);
  }

  appStoreSignOut(): AppStoreView {
    return signOutAppStore(this.ctx);
  }

  // — the control center —

  view(): PlacesView {
    return transact(this.ctx, () => placesView(this.ctx));
  }

  endWebSession(input: PlacesInputs['webSession']): void {
    const { sessionId } = parseInput(placesInputs.webSession, input);
    endWebSessionById(this.ctx, sessionId);
  }

  /**
   * The asking page's wait for the iPhone's answer (up to DECISION_WAIT_MS). Only `place`'s own
   * purpose: a verification id of another place — My Apple ID's, another place's — is not found
   * here, refused or not, so no page learns what became of a sign-in it did not start. The wait
   * ends early when `signal` (the asking request's) aborts.
   */
  private decision(place: CodePlace, input: Inputs['signInDecision'], signal?: AbortSignal): Promise<SignInDecision> {
    const { verificationId } = parseInput(inputs.signInDecision, input);
    return awaitSignInDecision(this.ctx, [place], verificationId, { signal });
  }
}
