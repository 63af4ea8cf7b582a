import { timingSafeEqual } from 'node:crypto';
import type { AccountView } from '../../../preload/contract/models.js';
import { HOUR, MINUTE } from '../clock.js';
import { token as newToken } from '../crypto/secrets.js';
import { IdentityError } from '../identity-error.js';
import type { AccountRow } from '../store/accounts-repo.js';
import { transact, type ServiceContext, type Tx } from './context.js';
import { admitGuess, clearFailures, recordFailure } from './guess-budget.js';
import { deviceView, openVerification } from './verification.js';

/** My Apple ID signs out after 15 minutes without a request… */
export const ACCOUNT_SITE_IDLE_MS = 15 * MINUTE;
/** …and 12 hours after signing in however busy it is (OWASP ASVS 3.3.2, level 2). */
export const ACCOUNT_SITE_MAX_AGE_MS = 12 * HOUR;
const SOURCE = 'account-site';

/**
 * "Lost access to your devices?": under two-step verification the recovery key stands in for
 * the code. A wrong key is a failed guess at the account, like a wrong code.
 */
export function completeAccountSiteSignInWithRecoveryKey(ctx: ServiceContext, verificationId: string, recoveryKey: string): { token: string } {
  return transact(ctx, (tx) => {
    const verification = openVerification(ctx, tx, verificationId, ['account-site']);
    const account = ctx.repos.accounts.get(verification.account_id);
    // Only two-step verification has a recovery key (setSecurityLevel makes and removes it).
    if (account.recovery_key_hash === null) throw tx.refuse(new IdentityError('RECOVERY_KEY_UNAVAILABLE'));
    admitGuess(ctx, tx, account, SOURCE);
    if (!recoveryKeyMatches(ctx, account.recovery_key_hash, recoveryKey)) {
      throw tx.refuse(recordFailure(ctx, tx, account.id, SOURCE, 'recovery-key-refused') ?? new IdentityError('RECOVERY_KEY_INCORRECT'));
    }
    ctx.repos.verifications.complete(verification.id, tx.now);
    clearFailures(ctx, tx, account, SOURCE);
    tx.log({ appleId: account.apple_id, source: SOURCE, event: 'recovery-key-accepted', outcome: 'success' });
    return { token: openSiteSession(ctx, tx, account) };
  });
}

export function recoveryKeyMatches(ctx: ServiceContext, recoveryKeyHash: Buffer, normalizedKey: string): boolean {
  return timingSafeEqual(recoveryKeyHash, ctx.keyed.digest('recovery-key', normalizedKey));
}

/** Inside the caller's transaction: a new My Apple ID session (web-sign-in.ts opens it); returns its token. */
export function openSiteSession(ctx: ServiceContext, tx: Tx, account: AccountRow): string {
  const token = newToken();
  ctx.repos.accountSiteSessions.insert(siteTokenHash(ctx, token), account.id, tx.now);
  tx.log({ appleId: account.apple_id, source: SOURCE, event: 'sign-in', outcome: 'success' });
  return token;
}

export function siteTokenHash(ctx: ServiceContext, token: string): Buffer {
  return ctx.keyed.digest('account-site-session', token);
}

/**
 * The account behind a session token, inside the caller's transaction. An unknown or
 * signed-out token is NOT_SIGNED_IN; one idle for 15 minutes, or signed in 12 hours ago, ends
 * now and is SESSION_EXPIRED.
 */
export function siteAccount(ctx: ServiceContext, tx: Tx, token: string): AccountRow {
  const hash = siteTokenHash(ctx, token);
  const session = ctx.repos.accountSiteSessions.get(hash);
  if (!session) throw tx.refuse(new IdentityError('NOT_SIGNED_IN'));
  if (tx.now - session.last_seen_at >= ACCOUNT_SITE_IDLE_MS || tx.now - session.created_at >= ACCOUNT_SITE_MAX_AGE_MS) {
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

/** Whether a token is a session that is open (not signed out); read-only, for telling a planted cookie from the user's. */
export function siteSessionOpen(ctx: ServiceContext, token: string): boolean {
  return ctx.repos.accountSiteSessions.get(siteTokenHash(ctx, token)) !== undefined;
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
