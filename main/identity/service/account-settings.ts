import type { PasswordChanged, SecurityChanged } from '../../../preload/contract/account-site-types.js';
import type { AccountView, SecurityLevel } from '../../../preload/contract/models.js';

export type { PasswordChanged, SecurityChanged };
import { formatRecoveryKey, recoveryKey as generateRecoveryKey } from '../crypto/secrets.js';
import { IdentityError } from '../identity-error.js';
import type { AccountRow } from '../store/accounts-repo.js';
import { accountView, siteAccount, siteTokenHash } from './account-site.js';
import { revokeAllFor } from './app-passwords.js';
import { endClientSessions } from './client-sign-in.js';
import { transact, type ServiceContext, type Tx } from './context.js';
import { countFailure, refuseIfLocked } from './credentials.js';

const SOURCE = 'account-site';

/** Change Password: revokes every app-specific password and signs every app out. */
export async function changePassword(ctx: ServiceContext, token: string, currentPassword: string, newPassword: string): Promise<PasswordChanged> {
  const account = transact(ctx, (tx) => siteAccount(ctx, tx, token));
  refuseIfLocked(ctx, account, SOURCE);
  if (!(await ctx.hasher.verify(currentPassword, account.password_hash))) {
    countFailure(ctx, account.id, account.apple_id, SOURCE, 'CURRENT_PASSWORD_INCORRECT');
  }
  if (currentPassword === newPassword) throw new IdentityError('PASSWORD_UNCHANGED');
  const hash = await ctx.hasher.hash(newPassword);
  return transact(ctx, (tx) => {
    const fresh = siteAccount(ctx, tx, token);
    const result = setPassword(ctx, tx, fresh, hash, SOURCE);
    ctx.repos.accountSiteSessions.endOthers(fresh.id, siteTokenHash(ctx, token), tx.now);
    return result;
  });
}

/** Sets a new password hash: all app-specific passwords revoked, every app signed out, the lock lifted. */
export function setPassword(ctx: ServiceContext, tx: Tx, account: AccountRow, hash: string, source: string): PasswordChanged {
  ctx.repos.accounts.setPasswordHash(account.id, hash, tx.now);
  ctx.repos.accounts.setFailures(account.id, 0, null, false);
  // Apps on a revoked app-specific password are signed out by the revoke; the rest (iCloud) here.
  const { revoked, signedOutApps: signedOutByRevoke } = revokeAllFor(ctx, tx, account, 'password-changed', source);
  const signedOutApps = signedOutByRevoke + endClientSessions(ctx, tx, { by: 'account', value: account.id }, 'password-changed');
  tx.log({ appleId: account.apple_id, source, event: 'password-changed', outcome: 'success', detail: { revokedAppPasswords: revoked } });
  return { revokedAppPasswords: revoked, signedOutApps };
}

/**
 * Turns two-step verification or two-factor authentication on or off. Either needs a trusted
 * phone number; turning two-step on makes a recovery key; leaving two-step revokes every
 * app-specific password.
 */
export function setSecurityLevel(ctx: ServiceContext, token: string, level: SecurityLevel): SecurityChanged {
  return transact(ctx, (tx) => {
    const account = siteAccount(ctx, tx, token);
    if (account.security_level === level) throw tx.refuse(new IdentityError('SECURITY_LEVEL_UNCHANGED'));
    const hasPhone = ctx.repos.devices.forAccount(account.id).some((d) => d.kind === 'phone');
    if (level !== 'none' && !hasPhone) throw tx.refuse(new IdentityError('TRUSTED_PHONE_REQUIRED'));
    const revoked =
      level === 'none' || account.security_level === 'two-step'
        ? revokeAllFor(ctx, tx, account, 'security-changed', SOURCE).revoked
        : 0;
    const key = level === 'two-step' ? generateRecoveryKey() : null;
    ctx.repos.accounts.setSecurity(account.id, level, key ? ctx.keyed.digest('recovery-key', key) : null);
    tx.log({ appleId: account.apple_id, source: SOURCE, event: 'security-level-changed', outcome: 'success', detail: { from: account.security_level, to: level } });
    return {
      account: accountView(ctx, ctx.repos.accounts.get(account.id)),
      recoveryKey: key && formatRecoveryKey(key),
      revokedAppPasswords: revoked,
    };
  });
}

export function addTrustedPhone(ctx: ServiceContext, token: string, phoneNumber: string): AccountView {
  return transact(ctx, (tx) => {
    const account = siteAccount(ctx, tx, token);
    ctx.repos.devices.insert(account.id, 'phone', phoneNumber, tx.now);
    tx.log({ appleId: account.apple_id, source: SOURCE, event: 'trusted-device-added', outcome: 'success', detail: { kind: 'phone' } });
    return accountView(ctx, account);
  });
}

export function removeTrustedDevice(ctx: ServiceContext, token: string, deviceId: number): AccountView {
  return transact(ctx, (tx) => {
    const account = siteAccount(ctx, tx, token);
    const devices = ctx.repos.devices.forAccount(account.id);
    const device = devices.find((d) => d.id === deviceId);
    if (!device) throw tx.refuse(new IdentityError('TRUSTED_DEVICE_NOT_FOUND'));
    const phonesLeft = devices.filter((d) => d.kind === 'phone' && d.id !== deviceId).length;
    if (account.security_level !== 'none' && device.kind === 'phone' && phonesLeft === 0) {
      throw tx.refuse(new IdentityError('LAST_TRUSTED_PHONE'));
    }
    ctx.repos.devices.delete(device.id);
    tx.log({ appleId: account.apple_id, source: SOURCE, event: 'trusted-device-removed', outcome: 'success', detail: { kind: device.kind } });
    return accountView(ctx, account);
  });
}
