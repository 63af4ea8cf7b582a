import { timingSafeEqual } from 'node:crypto';
import type { AccountView } from '../../../preload/contract/models.js';
import { MINUTE } from '../clock.js';
import { token as newToken } from '../crypto/secrets.js';
import { IdentityError } from '../identity-error.js';
import type { AccountRow } from '../store/accounts-repo.js';
import { transact, type ServiceContext, type Tx } from './context.js';
import { checkCredentials, clearFailures, countFailure, refuseIfLocked } from './credentials.js';
import { acceptCode, deviceView, openVerification, startVerification, type VerificationChallenge } from './verification.js';

/** My Apple ID signs out after 15 minutes without a request. */
export const ACCOUNT_SITE_IDLE_MS = 15 * MINUTE;
const SOURCE = 'account-site';

export type AccountSiteSignInResult =
  | { status: 'SIGNED_IN'; token: string }
  | ({ status: 'VERIFICATION_REQUIRED' } & VerificationChallenge);

/** Step one of "Manage your Apple ID": the password; under two-step, a code follows, every time. */
export async function signInAccountSite(ctx: ServiceContext, appleId: string, password: string): Promise<AccountSiteSignInResult> {
  const { account: checked, requirement } = await checkCredentials(ctx, appleId, password, SOURCE);
  return transact(ctx, (tx): AccountSiteSignInResult => {
    const account = ctx.repos.accounts.get(checked.id);
    if (requirement === 'password') {
      clearFailures(ctx, account);
      return { status: 'SIGNED_IN', token: openSiteSession(ctx, tx, account) };
    }
    tx.log({ appleId: account.apple_id, source: SOURCE, event: 'verification-required', outcome: 'info' });
    return { status: 'VERIFICATION_REQUIRED', ...startVerification(ctx, tx, account, 'account-site') };
  });
}

export function completeAccountSiteSignIn(ctx: ServiceContext, verificationId: string, code: string): { token: string } {
  return transact(ctx, (tx) => {
    const verification = openVerification(ctx, tx, verificationId, ['account-site']);
    acceptCode(ctx, tx, verification, code, SOURCE);
    return { token: openSiteSession(ctx, tx, ctx.repos.accounts.get(verification.account_id)) };
  });
}

/** "Lost access to your devices?": under two-step verification the recovery key stands in for the code. */
export function completeAccountSiteSignInWithRecoveryKey(ctx: ServiceContext, verificationId: string, recoveryKey: string): { token: string } {
  const account = transact(ctx, (tx) => {
    const verification = openVerification(ctx, tx, verificationId, ['account-site']);
    return ctx.repos.accounts.get(verification.account_id);
  });
  if (account.security_level !== 'two-step' || account.recovery_key_hash === null) {
    throw new IdentityError('RECOVERY_KEY_UNAVAILABLE');
  }
  // A locked account judges no recovery key either (a wrong key counts toward the lock).
  refuseIfLocked(ctx, account, SOURCE);
  if (!recoveryKeyMatches(ctx, account, recoveryKey)) {
    countFailure(ctx, account.id, account.apple_id, SOURCE, 'RECOVERY_KEY_INCORRECT');
  }
  return transact(ctx, (tx) => {
    const verification = openVerification(ctx, tx, verificationId, ['account-site']);
    ctx.repos.verifications.complete(verification.id, tx.now);
    clearFailures(ctx, ctx.repos.accounts.get(account.id));
    tx.log({ appleId: account.apple_id, source: SOURCE, event: 'recovery-key-accepted', outcome: 'success' });
    return { token: openSiteSession(ctx, tx, account) };
  });
}

export function recoveryKeyMatches(ctx: ServiceContext, account: AccountRow, normalizedKey: string): boolean {
  if (!account.recovery_key_hash) return false;
  return timingSafeEqual(account.recovery_key_hash, ctx.keyed.digest('recovery-key', normalizedKey));
}

function openSiteSession(ctx: ServiceContext, tx: Tx, account: AccountRow): string {
  const token = newToken();
  ctx.repos.accountSiteSessions.insert(siteTokenHash(ctx, token), account.id, tx.now);
  tx.log({ appleId: account.apple_id, source: SOURCE, event: 'sign-in', outcome: 'success' });
  return token;
}

export function siteTokenHash(ctx: ServiceContext, token: string): Buffer {
  return ctx.keyed.digest('account-site-session', token);
}

/**
 * The account behind a session cookie, inside the caller's transaction. An unknown or
 * signed-out token is NOT_SIGNED_IN; one idle for 15 minutes ends now and is SESSION_EXPIRED.
 */
export function siteAccount(ctx: ServiceContext, tx: Tx, token: string): AccountRow {
  const hash = siteTokenHash(ctx, token);
  const session = ctx.repos.accountSiteSessions.get(hash);
  if (!session) throw tx.refuse(new IdentityError('NOT_SIGNED_IN'));
  if (tx.now - session.last_seen_at >= ACCOUNT_SITE_IDLE_MS) {
    ctx.repos.accountSiteSessions.end(hash, tx.now);
    throw tx.refuse(new IdentityError('SESSION_EXPIRED'));
  }
  ctx.repos.accountSiteSessions.touch(hash, tx.now);
  return ctx.repos.accounts.get(session.account_id);
}

export function accountView(ctx: ServiceContext, account: AccountRow): AccountView {
  return {
    appleId: account.apple_id,
    fullName: account.full_name,
    securityLevel: account.security_level,
    // Signed in, the owner sees their own numbers in full.
    devices: ctx.repos.devices.forAccount(account.id).map((d) => ({ ...deviceView(d), maskedName: d.name })),
    passwordChangedAt: account.password_changed_at,
    hasRecoveryKey: account.recovery_key_hash !== null,
    activeAppPasswords: ctx.repos.appPasswords.countActive(account.id),
  };
}

export function currentSiteAccount(ctx: ServiceContext, token: string): AccountView {
  return transact(ctx, (tx) => accountView(ctx, siteAccount(ctx, tx, token)));
}

export function signOutAccountSite(ctx: ServiceContext, token: string): void {
  transact(ctx, (tx) => {
    const hash = siteTokenHash(ctx, token);
    const session = ctx.repos.accountSiteSessions.get(hash);
    if (!session) return;
    ctx.repos.accountSiteSessions.end(hash, tx.now);
    tx.log({ appleId: ctx.repos.accounts.get(session.account_id).apple_id, source: SOURCE, event: 'portal-signed-out', outcome: 'info' });
  });
}
