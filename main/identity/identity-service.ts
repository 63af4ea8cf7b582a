import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ClientSignInResult } from '../../preload/contract/app-contract.js';
import { inputs, type Inputs } from '../../preload/contract/inputs.js';
import type {
  AccountView,
  ActivityEntry,
  AppPasswordView,
  ClientSessionView,
  DeviceNotification,
  NewAppPassword,
  SecurityLevel,
} from '../../preload/contract/models.js';
import { systemClock, type Clock } from './clock.js';
import { IdentityError } from './identity-error.js';
import { KeyedHash } from './crypto/keyed-hash.js';
import { HashingPool } from './crypto/hashing-pool.js';
import { decoyAllowance, PasswordHasher, PRODUCTION_SCRYPT_COST, type ScryptCost } from './crypto/password-hasher.js';
import type { PhoneVerification, SignInDecision } from '../../preload/contract/account-site-types.js';
import { changePassword, replaceRecoveryKey, setSecurityLevel, type PasswordChanged, type SecurityChanged } from './service/account-settings.js';
import { completeAccountSiteSignInWithRecoveryKey, currentSiteAccount, signOutAccountSite, siteSessionOpen } from './service/account-site.js';
import { createAppPassword, listAppPasswords, revokeAllAppPasswords, revokeAppPassword } from './service/app-passwords.js';
import { completeICloudSignIn, signInClient, signOutClient, startClientSession } from './service/client-sign-in.js';
import { completeAppCodeSignIn, resendAppCode } from './service/two-factor-apps.js';
import { accountRecoveryStatus, completeAccountRecovery, requestAccountRecovery, sendRecoveryCode } from './service/account-recovery.js';
import type { AccountRecoveryView } from '../../preload/contract/account-site-types.js';
import { twoFactorAppsInputs, type TwoFactorAppsInputs } from '../../preload/contract/two-factor-apps-inputs.js';
import type { AppContext } from './policy/client-rules.js';
import type { ServiceContext } from './service/context.js';
import { createAccount, resetDemo, seedDemoIfEmpty } from './service/demo-account.js';
import { DeviceInbox } from './service/device-inbox.js';
import { answerSignInRequest, awaitSignInDecision } from './service/sign-in-approval.js';
import { EventBus, type Listener, type SessionEnder } from './service/event-bus.js';
import { findMailAccount, recordMailClientName, signInMail, type MailGrant, type MailSignInResult } from './service/mail-sign-in.js';
import { runScenario } from './service/scenarios.js';
import { addTrustedPhone, confirmTrustedPhone, removeTrustedDevice, resendTrustedPhoneCode } from './service/trusted-devices.js';
import { beginUnlock, completeUnlock } from './service/unlock.js';
import { sendCode, type CodeSent, type VerificationChallenge } from './service/verification.js';
import { completeWebSignIn, webSignIn, type WebSignInCompleted, type WebSignInResult } from './service/web-sign-in.js';
import { openDatabase, type Db } from './store/database.js';
import { Repositories } from './store/repositories.js';
import { parseInput } from './validate.js';
import { PlacesService } from './places-service.js';
import { TrustedBrowsersService } from './trusted-browsers-service.js';

/** How View History names a mail client that used a password (the control center names it so too). */
export { usedByName } from './service/mail-sign-in.js';

export interface IdentityServiceOptions {
  /** Where the store lives; ':memory:' for a throwaway one. */
  path?: string;
  clock?: Clock;
  /** Lower than production only in tests. */
  scryptCost?: ScryptCost;
  /** How many passwords hash at once (default: the machine's cores; see HashingPool). */
  hashingPoolSize?: number;
  /** Decoy hashes for unknown Apple IDs per second, in all (default DECOY_HASHES_PER_SECOND); higher only in tests. */
  decoyHashesPerSecond?: number;
  /** Create the demo account when the store is new (default true). */
  seedDemo?: boolean;
  /** The desktop app's better-sqlite3 build for Electron's ABI (see main/electron/native-binding.ts). */
  nativeBinding?: string;
  /** Told when the store's files were readable by others and have been made private (default: console.warn). */
  warn?: (message: string) => void;
}

/** The user's data directory, as Electron's app.getPath('userData') would give it. */
export function defaultStorePath(): string {
  const home = homedir();
  const base =
    process.platform === 'darwin'
      ? join(home, 'Library', 'Application Support')
      : process.platform === 'win32'
        ? (process.env.APPDATA ?? join(home, 'AppData', 'Roaming'))
        : (process.env.XDG_CONFIG_HOME ?? join(home, '.config'));
  return join(base, 'TwoStep', 'twostep.sqlite');
}

/**
 * The identity service: the one owner of the account store and of every rule of SPEC §3.
 * Every method validates its input with the contract's schema, runs each change as one
 * transaction, and fails only with an IdentityError. Account-site operations take the
 * session token of the browser's cookie.
 */
export class IdentityService {
  /** iCloud.com, the App Store on this Mac, Apple ID support (issue 19). */
  readonly places: PlacesService;
  /** Two-factor authentication's "Trust this browser?" at My Apple ID and iCloud.com. */
  readonly trustedBrowsers: TrustedBrowsersService;

  private constructor(private readonly ctx: ServiceContext) {
    this.places = new PlacesService(ctx);
    this.trustedBrowsers = new TrustedBrowsersService(ctx);
  }

  static async open(options: IdentityServiceOptions = {}): Promise<IdentityService> {
    const db = openDatabase(options.path ?? defaultStorePath(), undefined, options.nativeBinding, options.warn);
    const clock = options.clock ?? systemClock;
    const ctx: ServiceContext = {
      db,
      repos: new Repositories(db),
      clock,
      hasher: new PasswordHasher(
        options.scryptCost ?? PRODUCTION_SCRYPT_COST,
        new HashingPool(options.hashingPoolSize),
        decoyAllowance(options.decoyHashesPerSecond),
      ),
      keyed: KeyedHash.forStore(db),
      bus: new EventBus(),
      inbox: new DeviceInbox(clock),
    };
    if (options.seedDemo ?? true) await seedDemoIfEmpty(ctx);
    return new IdentityService(ctx);
  }

  get database(): Db {
    return this.ctx.db;
  }

  close(): void {
    this.ctx.db.close();
  }

  /**
   * What ends sessions outside the store (the mail servers') when a revocation commits; the
   * revoking call counts them in its `signedOutApps`.
   */
  endSessionsWith(ender: SessionEnder): () => void {
    return this.ctx.bus.endSessionsWith(ender);
  }

  subscribe(listener: Listener): () => void {
    return this.ctx.bus.subscribe(listener);
  }

  // — accounts —

  async createAccount(input: Inputs['createAccount']): Promise<void> {
    const { appleId, password, fullName } = parseInput(inputs.createAccount, input);
    await createAccount(this.ctx, appleId, password, fullName);
  }

  // — the simulated apps —

  /** `mac`: the stage's Mac as the presenter chose it (main's own state, never the window's word). */
  async signInClient(input: Inputs['clientSignIn'], mac: AppContext = {}): Promise<ClientSignInResult> {
    const { clientKind, appleId, password } = parseInput(inputs.clientSignIn, input);
    return signInClient(this.ctx, clientKind, appleId, password, mac);
  }

  /** Messages or FaceTime under two-factor authentication: "Didn't get a code?". */
  sendAppCode(input: TwoFactorAppsInputs['sendAppCode']): CodeSent {
    const { clientKind, verificationId, deviceId } = parseInput(twoFactorAppsInputs.sendAppCode, input);
    return resendAppCode(this.ctx, clientKind, verificationId, deviceId);
  }

  /** Messages or FaceTime under two-factor authentication: the code typed in the app signs it in. */
  completeAppCodeSignIn(input: TwoFactorAppsInputs['verifyAppCode']): ClientSessionView {
    const { clientKind, verificationId, code } = parseInput(twoFactorAppsInputs.verifyAppCode, input);
    return completeAppCodeSignIn(this.ctx, clientKind, verificationId, code, (tx, accountId) => startClientSession(this.ctx, tx, accountId, clientKind, null));
  }

  sendICloudCode(input: Inputs['sendCode']): CodeSent {
    const { verificationId, deviceId } = parseInput(inputs.sendCode, input);
    return sendCode(this.ctx, verificationId, deviceId, ['icloud']);
  }

  completeICloudSignIn(input: Inputs['verifyCode']): ClientSessionView {
    const { verificationId, code } = parseInput(inputs.verifyCode, input);
    return completeICloudSignIn(this.ctx, verificationId, code);
  }

  clientSession(input: Inputs['client']): ClientSessionView | null {
    const { clientKind } = parseInput(inputs.client, input);
    return this.ctx.repos.clientSessions.activeFor(clientKind) ?? null;
  }

  clientSessions(): ClientSessionView[] {
    return this.ctx.repos.clientSessions.active();
  }

  signOutClient(input: Inputs['client']): void {
    const { clientKind } = parseInput(inputs.client, input);
    signOutClient(this.ctx, clientKind);
  }

  // — real mail clients (main/mail): IMAP and SMTP sign in here like every other client —

  signInMail(input: Inputs['mailSignIn']): Promise<MailSignInResult> {
    const { protocol, appleId, password, clientName } = parseInput(inputs.mailSignIn, input);
    return signInMail(this.ctx, protocol, appleId, password, clientName);
  }

  recordMailClientName(grant: MailGrant, clientName: string): void {
    recordMailClientName(this.ctx, grant, clientName.slice(0, 64));
  }

  /** The local account an SMTP recipient names, or null (never relayed elsewhere). */
  mailAccount(appleId: string): { accountId: number; appleId: string } | null {
    const parsed = inputs.mailSignIn.shape.appleId.safeParse(appleId);
    return parsed.success ? findMailAccount(this.ctx, parsed.data) : null;
  }

  // — the account site (My Apple ID) —

  /** `trustTokens`: what the browser sent of "Trust this browser?" (two-factor authentication). */
  async signInAccountSite(input: Inputs['signIn'], trustTokens: readonly string[] = []): Promise<WebSignInResult> {
    const { appleId, password } = parseInput(inputs.signIn, input);
    return webSignIn(this.ctx, 'account-site', appleId, password, { keepSignedIn: false, trustTokens });
  }

  sendAccountSiteCode(input: Inputs['sendCode']): CodeSent {
    const { verificationId, deviceId } = parseInput(inputs.sendCode, input);
    return sendCode(this.ctx, verificationId, deviceId, ['account-site']);
  }

  completeAccountSiteSignIn(input: Inputs['verifyCode']): WebSignInCompleted {
    const { verificationId, code } = parseInput(inputs.verifyCode, input);
    return completeWebSignIn(this.ctx, 'account-site', verificationId, code);
  }

  /** Two-factor: waits (a while) for the trusted iPhone's answer to this sign-in's request; `signal` ends the wait early. */
  accountSiteSignInDecision(input: Inputs['signInDecision'], signal?: AbortSignal): Promise<SignInDecision> {
    const { verificationId } = parseInput(inputs.signInDecision, input);
    return awaitSignInDecision(this.ctx, ['account-site', 'unlock'], verificationId, { signal });
  }

  completeAccountSiteSignInWithRecoveryKey(input: Inputs['verifyRecoveryKey']): { token: string } {
    const { verificationId, recoveryKey } = parseInput(inputs.verifyRecoveryKey, input);
    return completeAccountSiteSignInWithRecoveryKey(this.ctx, verificationId, recoveryKey);
  }

  accountSiteAccount(token: string): AccountView {
    return currentSiteAccount(this.ctx, token);
  }

  /** Whether a token is an open session of the account site (changes nothing). */
  siteSessionOpen(token: string): boolean {
    return siteSessionOpen(this.ctx, token);
  }

  signOutAccountSite(token: string): void {
    signOutAccountSite(this.ctx, token);
  }

  createAppPassword(token: string, input: Inputs['createAppPassword']): NewAppPassword {
    const { label } = parseInput(inputs.createAppPassword, input);
    return createAppPassword(this.ctx, token, label);
  }

  listAppPasswords(token: string): AppPasswordView[] {
    return listAppPasswords(this.ctx, token);
  }

  revokeAppPassword(token: string, input: Inputs['appPassword']): { signedOutApps: number } {
    const { appPasswordId } = parseInput(inputs.appPassword, input);
    return revokeAppPassword(this.ctx, token, appPasswordId);
  }

  revokeAllAppPasswords(token: string): { revoked: number; signedOutApps: number } {
    return revokeAllAppPasswords(this.ctx, token);
  }

  async changePassword(token: string, input: Inputs['changePassword']): Promise<PasswordChanged> {
    const { currentPassword, newPassword } = parseInput(inputs.changePassword, input);
    return changePassword(this.ctx, token, currentPassword, newPassword);
  }

  // — security changes: each asks for the current password again (step-up) —

  setSecurityLevel(token: string, input: Inputs['setSecurityLevel']): Promise<SecurityChanged> {
    const { level, currentPassword } = parseInput(inputs.setSecurityLevel, input);
    return setSecurityLevel(this.ctx, token, level, currentPassword);
  }

  replaceRecoveryKey(token: string, input: Inputs['replaceRecoveryKey']): Promise<{ recoveryKey: string }> {
    const { currentPassword } = parseInput(inputs.replaceRecoveryKey, input);
    return replaceRecoveryKey(this.ctx, token, currentPassword);
  }

  /** Sends a code to the new number; it is trusted once `confirmTrustedPhone` gets that code. */
  addTrustedPhone(token: string, input: Inputs['addTrustedPhone']): Promise<PhoneVerification> {
    const { phoneNumber, currentPassword } = parseInput(inputs.addTrustedPhone, input);
    return addTrustedPhone(this.ctx, token, phoneNumber, currentPassword);
  }

  resendTrustedPhoneCode(token: string, input: Inputs['phoneVerification']): PhoneVerification {
    const { verificationId } = parseInput(inputs.phoneVerification, input);
    return resendTrustedPhoneCode(this.ctx, token, verificationId);
  }

  confirmTrustedPhone(token: string, input: Inputs['confirmTrustedPhone']): AccountView {
    const { verificationId, code } = parseInput(inputs.confirmTrustedPhone, input);
    return confirmTrustedPhone(this.ctx, token, verificationId, code);
  }

  removeTrustedDevice(token: string, input: Inputs['removeTrustedDevice']): Promise<AccountView> {
    const { deviceId, currentPassword } = parseInput(inputs.removeTrustedDevice, input);
    return removeTrustedDevice(this.ctx, token, deviceId, currentPassword);
  }

  // — locked accounts and forgotten passwords —

  beginUnlock(input: Inputs['beginUnlock']): VerificationChallenge {
    const { appleId, recoveryKey } = parseInput(inputs.beginUnlock, input);
    return beginUnlock(this.ctx, appleId, recoveryKey);
  }

  sendUnlockCode(input: Inputs['sendCode']): CodeSent {
    const { verificationId, deviceId } = parseInput(inputs.sendCode, input);
    return sendCode(this.ctx, verificationId, deviceId, ['unlock']);
  }

  /** Account recovery under two-factor authentication (no recovery key): service/account-recovery.ts. */
  requestAccountRecovery(input: TwoFactorAppsInputs['requestAccountRecovery']): AccountRecoveryView {
    const { appleId, phoneNumber } = parseInput(twoFactorAppsInputs.requestAccountRecovery, input);
    return requestAccountRecovery(this.ctx, appleId, phoneNumber);
  }

  accountRecovery(input: TwoFactorAppsInputs['accountRecovery']): AccountRecoveryView {
    return accountRecoveryStatus(this.ctx, parseInput(twoFactorAppsInputs.accountRecovery, input).recoveryId);
  }

  sendRecoveryCode(input: TwoFactorAppsInputs['accountRecovery']): CodeSent {
    return sendRecoveryCode(this.ctx, parseInput(twoFactorAppsInputs.accountRecovery, input).recoveryId);
  }

  completeAccountRecovery(input: TwoFactorAppsInputs['completeAccountRecovery']): Promise<PasswordChanged> {
    const { recoveryId, code, newPassword } = parseInput(twoFactorAppsInputs.completeAccountRecovery, input);
    return completeAccountRecovery(this.ctx, recoveryId, code, newPassword);
  }

  async completeUnlock(input: Inputs['completeUnlock']): Promise<PasswordChanged> {
    const { verificationId, code, newPassword } = parseInput(inputs.completeUnlock, input);
    return completeUnlock(this.ctx, verificationId, code, newPassword);
  }

  // — the control center —

  async runScenario(input: Inputs['scenario']): Promise<{ signedOutApps: number }> {
    return runScenario(this.ctx, parseInput(inputs.scenario, input));
  }

  /** How an account is protected now (the control center's then-and-now switch). */
  securityLevel(appleId: string): { securityLevel: SecurityLevel } {
    const account = this.ctx.repos.accounts.findByAppleId(parseInput(inputs.signIn.shape.appleId, appleId));
    if (!account) throw new IdentityError('ACCOUNT_NOT_FOUND');
    return { securityLevel: account.security_level };
  }

  activity(input: Inputs['activity'] = {}): ActivityEntry[] {
    const { limit } = parseInput(inputs.activity, input);
    return this.ctx.repos.activity.recent(limit);
  }

  /** Allow / Don't Allow on the trusted iPhone: decides its sign-in request once. */
  answerSignInRequest(input: Inputs['answerSignInRequest']): { decision: 'allowed' | 'denied' } {
    const { requestId, allow } = parseInput(inputs.answerSignInRequest, input);
    return answerSignInRequest(this.ctx, requestId, allow);
  }

  /** What the trusted devices show now: unexpired codes, newest first. */
  deviceNotifications(deviceId?: number): DeviceNotification[] {
    return this.ctx.inbox.list(deviceId);
  }

  resetDemo(): Promise<void> {
    return resetDemo(this.ctx);
  }
}
