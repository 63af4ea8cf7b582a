import type { PasswordChanged, SecurityChanged } from '../../../preload/contract/account-site-types.js';
import type { SecurityLevel } from '../../../preload/contract/models.js';
import { formatRecoveryKey, recoveryKey as generateRecoveryKey } from '../crypto/secrets.js';
import { IdentityError } from '../identity-error.js';
import type { AccountRow } from '../store/accounts-repo.js';
import { accountView, siteAccount, siteTokenHash } from './account-site.js';
import { revokeAllFor } from './app-passwords.js';
import { endClientSessions } from './client-sign-in.js';
import { transactSigningOut, type ServiceContext, type Tx } from './context.js';
import { withCurrentPassword } from './step-up.js';
import { endAppStoreSessionsOf } from './app-store.js';
import { endWebSessionsOf } from './web-sessions.js';
import { endTrustedBrowsersOf } from './trusted-browsers.js';

export type { PasswordChanged, SecurityChanged };

const SOURCE = 'account-site';

/** Change Password: revokes every app-specific password, signs every app and every other session out. */
export async function changePassword(ctx: ServiceContext, token: string, currentPassword: string, newPassword: string): Promise<PasswordChanged> {
  await withCurrentPassword(ctx, token, currentPassword, () => {
    if (currentPassword === newPassword) throw new IdentityError('PASSWORD_UNCHANGED');
  });
  const hash = await ctx.hasher.hash(newPassword);
  return transactSigningOut(ctx, (tx) => {
    const account = siteAccount(ctx, tx, token);
    const result = setPassword(ctx, tx, account, hash, SOURCE);
    ctx.repos.accountSiteSessions.endOthers(account.id, siteTokenHash(ctx, token), tx.now);
    return result;
  });
}

/** Sets a new password hash: all app-specific passwords revoked, every app signed out, every lock lifted. */
export function setPassword(ctx: ServiceContext, tx: Tx, account: AccountRow, hash: string, source: string): PasswordChanged {
  ctx.repos.accounts.setPasswordHash(account.id, hash, tx.now);
  ctx.repos.accounts.setFailures(account.id, { failures: 0, lockedUntil: null, hardLocked: false, disabled: false });
  // Apps on a revoked app-specific password are signed out by the revoke; the rest (iCloud) here.
  const { revoked, signedOutApps: signedOutByRevoke } = revokeAllFor(ctx, tx, account, 'password-changed', source);
  const signedOutApps = signedOutByRevoke + endClientSessions(ctx, tx, { by: 'account', value: account.id }, 'password-changed');
  // The browsers at iCloud.com and support, and the App Store on every Mac, sign in again too.
  endWebSessionsOf(ctx, tx, account, null, 'password-changed');
  endAppStoreSessionsOf(ctx, tx, account, 'password-changed');
  // A browser trusted with the old password is asked for a code again.
  endTrustedBrowsersOf(ctx, tx, account, 'password-changed');
  tx.log({ appleId: account.apple_id, source, event: 'password-changed', outcome: 'success', detail: { revokedAppPasswords: revoked } });
  return { revokedAppPasswords: revoked, signedOutApps };
}

/**
 * Moves the account between no protection, two-step verification and two-factor authentication,
 * after the current password (step-up): see applySecurityLevel.
 */
export function setSecurityLevel(ctx: ServiceContext, token: string, level: SecurityLevel, currentPassword: string): Promise<SecurityChanged> {
  return withCurrentPassword(ctx, token, currentPassword, (tx, account) => applySecurityLevel(ctx, tx, account, level, SOURCE));
}

/**
 * Inside the caller's transaction, as Apple did it: either level needs a trusted phone number;
 * two-step verification has a recovery key (a new one, shown once, on the way in) and two-factor
 * authentication has none; app-specific passwords stay valid between the two levels (both need
 * them for apps that cannot ask for a code) and are all revoked when protection is turned off.
 * The control center's presenter switch uses it too, without a password (the operator's own).
 */
export function applySecurityLevel(ctx: ServiceContext, tx: Tx, account: AccountRow, level: SecurityLevel, source: string): SecurityChanged {
  if (account.security_level === level) throw tx.refuse(new IdentityError('SECURITY_LEVEL_UNCHANGED'));
  const hasPhone = ctx.repos.devices.forAccount(account.id).some((d) => d.kind === 'phone');
  // Stryker disable next-line ConditionalExpression: equivalent — an account without a phone number is at level none (the last one cannot be removed otherwise), and none → none is refused above
  if (level !== 'none' && !hasPhone) throw tx.refuse(new IdentityError('TRUSTED_PHONE_REQUIRED'));
  const revoked = level === 'none' ? revokeAllFor(ctx, tx, account, 'security-changed', source).revoked : 0;
  // Trusted browsers belong to two-factor authentication: leaving it ends them.
  if (account.security_level === 'two-factor') endTrustedBrowsersOf(ctx, tx, account, 'security-changed');
  const key = level === 'two-step' ? generateRecoveryKey() : null;
  ctx.repos.accounts.setSecurity(account.id, level, key ? ctx.keyed.digest('recovery-key', key) : null);
  tx.log({ appleId: account.apple_id, source, event: 'security-level-changed', outcome: 'success', detail: { from: account.security_level, to: level } });
  return {
    account: accountView(ctx, ctx.repos.accounts.get(account.id)),
    recoveryKey: key && formatRecoveryKey(key),
    revokedAppPasswords: revoked,
  };
}

/** "Replace Lost Key": a new recovery key, shown once; the old one no longer works. */
export function replaceRecoveryKey(ctx: ServiceContext, token: string, currentPassword: string): Promise<{ recoveryKey: string }> {
  return withCurrentPassword(ctx, token, currentPassword, (tx, account) => {
    if (account.security_level !== 'two-step') throw tx.refuse(new IdentityError('RECOVERY_KEY_UNAVAILABLE'));
    const key = generateRecoveryKey();
    ctx.repos.accounts.setSecurity(account.id, account.security_level, ctx.keyed.digest('recovery-key', key));
    tx.log({ appleId: account.apple_id, source: SOURCE, event: 'recovery-key-replaced', outcome: 'success' });
    return { recoveryKey: formatRecoveryKey(key) };
  });
}
