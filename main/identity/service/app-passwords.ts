import type { AppPasswordView, NewAppPassword } from '../../../preload/contract/models.js';
import { appPassword as generateAppPassword, formatAppPassword } from '../crypto/secrets.js';
import { IdentityError } from '../identity-error.js';
import type { AccountRow } from '../store/accounts-repo.js';
import { siteAccount } from './account-site.js';
import { endClientSessions } from './client-sign-in.js';
import { transact, transactSigningOut, type ServiceContext, type Tx } from './context.js';
import { appPasswordLookupHash } from './credentials.js';

export const MAX_ACTIVE_APP_PASSWORDS = 25;
const SOURCE = 'account-site';

/** Generate App-Specific Password: shown once, stored only as its keyed hash. */
export function createAppPassword(ctx: ServiceContext, token: string, label: string): NewAppPassword {
  return transact(ctx, (tx) => {
    const account = siteAccount(ctx, tx, token);
    if (account.security_level === 'none') throw tx.refuse(new IdentityError('APP_PASSWORDS_UNAVAILABLE'));
    if (ctx.repos.appPasswords.countActive(account.id) >= MAX_ACTIVE_APP_PASSWORDS) {
      throw tx.refuse(new IdentityError('APP_PASSWORD_LIMIT', { max: MAX_ACTIVE_APP_PASSWORDS }));
    }
    const password = generateAppPassword();
    const appPassword = ctx.repos.appPasswords.insert(account.id, label, appPasswordLookupHash(ctx, password), tx.now);
    tx.log({ appleId: account.apple_id, source: SOURCE, event: 'app-password-created', outcome: 'success', detail: { label } });
    return { appPassword, password: formatAppPassword(password) };
  });
}

/**
 * View History: the active app-specific passwords, newest first — and revoked ones that a client
 * still presents (a mail client retrying its saved password), so the user sees which app to give
 * a new one. Those retries are refused and counted nowhere (see revoked-app-passwords.ts).
 */
export function listAppPasswords(ctx: ServiceContext, token: string): AppPasswordView[] {
  return transact(ctx, (tx) => {
    const account = siteAccount(ctx, tx, token);
    const presented = ctx.repos.revokedAppPasswords.presentedForAccount(account.id);
    return ctx.repos.appPasswords
      .list(account.id)
      .map((p) => ({ ...p, usedAfterRevocation: presented.get(p.id) ?? null }))
      .filter((p) => p.revokedAt === null || p.usedAfterRevocation !== null);
  });
}

/** Delete one: every app signed in with it is signed out at once. */
export function revokeAppPassword(ctx: ServiceContext, token: string, appPasswordId: number): { signedOutApps: number } {
  return transactSigningOut(ctx, (tx) => {
    const account = siteAccount(ctx, tx, token);
    const appPassword = ctx.repos.appPasswords.get(account.id, appPasswordId);
    // Only an active one is kept and revoked: a password revoked already (here or by another
    // window) is not found.
    if (!appPassword || !ctx.repos.revokedAppPasswords.keepOne(appPassword.id, tx.now)) {
      throw tx.refuse(new IdentityError('APP_PASSWORD_NOT_FOUND'));
    }
    ctx.repos.appPasswords.revoke(appPassword.id, tx.now);
    ctx.repos.revokedAppPasswords.prune(account.id, tx.now);
    tx.log({ appleId: account.apple_id, source: SOURCE, event: 'app-password-revoked', outcome: 'success', detail: { label: appPassword.label } });
    // Stryker disable next-line BooleanLiteral: equivalent — sessions opened with the account's password exist only without two-step, where no app-specific password is active
    tx.emit({ type: 'credentials-revoked', accountId: account.id, appPasswordIds: [appPassword.id], accountPassword: false, reason: 'app-password-revoked' });
    return { signedOutApps: endClientSessions(ctx, tx, { by: 'app-password', value: appPassword.id }, 'app-password-revoked') };
  });
}

export function revokeAllAppPasswords(ctx: ServiceContext, token: string): { revoked: number; signedOutApps: number } {
  return transactSigningOut(ctx, (tx) => revokeAllFor(ctx, tx, siteAccount(ctx, tx, token), 'app-password-revoked', SOURCE));
}

/** Revokes every active app-specific password of the account and signs out the apps using them. */
export function revokeAllFor(
  ctx: ServiceContext,
  tx: Tx,
  account: AccountRow,
  reason: 'app-password-revoked' | 'password-changed' | 'security-changed' | 'demo-reset',
  source: string,
): { revoked: number; signedOutApps: number } {
  // Their keyed hashes are kept first, so a client retrying one is recognised (no guess).
  ctx.repos.revokedAppPasswords.keepActiveOf(account.id, tx.now);
  const ids = ctx.repos.appPasswords.revokeAll(account.id, tx.now);
  ctx.repos.revokedAppPasswords.prune(account.id, tx.now);
  let signedOutApps = 0;
  for (const id of ids) signedOutApps += endClientSessions(ctx, tx, { by: 'app-password', value: id }, reason);
  // Mail clients hold their own sessions (many per account, in the mail servers' memory): a new
  // password ends those opened with the old one as well as those on a revoked app password.
  // (With nothing revoked and the password unchanged, the event names nothing to end.)
  const accountPassword = reason !== 'app-password-revoked';
  tx.emit({ type: 'credentials-revoked', accountId: account.id, appPasswordIds: ids, accountPassword, reason });
  if (ids.length > 0) {
    tx.log({ appleId: account.apple_id, source, event: 'app-passwords-revoked-all', outcome: 'success', detail: { count: ids.length, reason } });
  }
  return { revoked: ids.length, signedOutApps };
}
