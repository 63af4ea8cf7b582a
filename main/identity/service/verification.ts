import { timingSafeEqual } from 'node:crypto';
import type { CodeSent, SignInChallenge } from '../../../preload/contract/account-site-types.js';
import type { TrustedDeviceView } from '../../../preload/contract/models.js';

/** A started verification, before the caller adds its status. */
export type VerificationChallenge = Omit<SignInChallenge, 'status'>;
export type { CodeSent };
import { MINUTE } from '../clock.js';
import { id as newId, verificationCode } from '../crypto/secrets.js';
import { IdentityError } from '../identity-error.js';
import { codeLengthFor } from '../policy/client-rules.js';
import { clearFailures, isLocked, lockError, recordFailure } from './credentials.js';
import type { AccountRow } from '../store/accounts-repo.js';
import type { DeviceRow } from '../store/devices-repo.js';
import type { VerificationPurpose, VerificationRow } from '../store/verifications-repo.js';
import { transact, type ServiceContext, type Tx } from './context.js';

export const CODE_LIFETIME_MS = 10 * MINUTE;
export const CODE_MAX_ATTEMPTS = 5;
/** How long a started sign-in waits for its second step, however many codes it asks for. */
export const VERIFICATION_LIFETIME_MS = 30 * MINUTE;

export function deviceView(row: DeviceRow): TrustedDeviceView {
  return { id: row.id, kind: row.kind, name: row.name, maskedName: maskDeviceName(row) };
}

/** A phone number is shown only by its last two digits before the user has proven who they are. */
export function maskDeviceName(row: Pick<DeviceRow, 'kind' | 'name'>): string {
  if (row.kind !== 'phone') return row.name;
  const digits = row.name.replace(/\D/g, '');
  return `•••-••${digits.slice(-2)}`;
}

export function startVerification(ctx: ServiceContext, tx: Tx, account: AccountRow, purpose: VerificationPurpose): VerificationChallenge {
  const verificationId = newId();
  ctx.repos.verifications.purgeBefore(tx.now - VERIFICATION_LIFETIME_MS);
  ctx.repos.verifications.insert(verificationId, account.id, purpose, tx.now, tx.now + VERIFICATION_LIFETIME_MS);
  return {
    verificationId,
    devices: ctx.repos.devices.forAccount(account.id).map(deviceView),
    codeLength: codeLengthFor(account.security_level),
    recoveryKeyAccepted: account.security_level === 'two-step' && account.recovery_key_hash !== null,
  };
}

/** A live, unfinished verification, or the error that says why not. */
export function openVerification(ctx: ServiceContext, tx: Tx, verificationId: string, purposes: VerificationPurpose[]): VerificationRow {
  const row = ctx.repos.verifications.get(verificationId);
  if (!row || row.completed_at !== null || !purposes.includes(row.purpose)) {
    throw tx.refuse(new IdentityError('VERIFICATION_NOT_FOUND'));
  }
  if (row.expires_at <= tx.now) throw tx.refuse(new IdentityError('VERIFICATION_EXPIRED'));
  // A locked account gets no codes and has none judged; unlocking is the exception.
  const account = ctx.repos.accounts.get(row.account_id);
  if (row.purpose !== 'unlock' && isLocked(account, tx.now)) throw tx.refuse(lockError(account, tx.now));
  return row;
}

/** Makes a new code for the verification (replacing any earlier one) and delivers it to the device. */
export function sendCode(ctx: ServiceContext, verificationId: string, deviceId: number, purposes: VerificationPurpose[]): CodeSent {
  return transact(ctx, (tx) => {
    const verification = openVerification(ctx, tx, verificationId, purposes);
    const account = ctx.repos.accounts.get(verification.account_id);
    const device = ctx.repos.devices.find(account.id, deviceId);
    if (!device) throw tx.refuse(new IdentityError('TRUSTED_DEVICE_NOT_FOUND'));
    const codeLength = codeLengthFor(account.security_level);
    const code = verificationCode(codeLength);
    const expiresAt = tx.now + CODE_LIFETIME_MS;
    ctx.repos.verifications.setCode(verificationId, codeHash(ctx, verificationId, code), device.id, expiresAt);
    tx.log({
      appleId: account.apple_id,
      source: device.kind === 'iphone' ? device.name : maskDeviceName(device),
      event: 'code-sent',
      outcome: 'info',
      detail: { via: device.kind === 'iphone' ? 'find-my-iphone' : 'sms', for: verification.purpose },
    });
    const notification = {
      id: newId(),
      deviceId: device.id,
      deviceKind: device.kind,
      deviceName: device.name,
      appleId: account.apple_id,
      code,
      sentAt: tx.now,
      expiresAt,
    };
    ctx.inbox.add(notification);
    tx.emit({ type: 'code-delivered', notification });
    return { deviceId: device.id, deviceName: maskDeviceName(device), codeLength, expiresAt };
  });
}

/**
 * Checks a typed code inside the caller's transaction: one use, 10 minutes, 5 tries. A wrong,
 * expired or exhausted code refuses (keeping the counted try); a right one completes the
 * verification, so the same code never works twice.
 */
export function acceptCode(ctx: ServiceContext, tx: Tx, verification: VerificationRow, code: string, source: string): void {
  const appleId = ctx.repos.accounts.get(verification.account_id).apple_id;
  const refuse = (error: IdentityError, reason: string) => {
    tx.log({ appleId, source, event: 'code-refused', outcome: 'failure', detail: { reason } });
    return tx.refuse(error);
  };
  if (verification.code_hash === null || verification.code_expires_at === null) {
    throw verification.code_attempts >= CODE_MAX_ATTEMPTS
      ? refuse(new IdentityError('CODE_ATTEMPTS_EXCEEDED'), 'attempts-exceeded')
      : refuse(new IdentityError('CODE_NOT_SENT'), 'no-code');
  }
  if (verification.code_expires_at <= tx.now) {
    ctx.repos.verifications.clearCode(verification.id);
    throw refuse(new IdentityError('CODE_EXPIRED'), 'expired');
  }
  const expected = verification.code_hash;
  const given = codeHash(ctx, verification.id, code);
  if (!timingSafeEqual(expected, given)) {
    ctx.repos.verifications.countAttempt(verification.id);
    const attempts = verification.code_attempts + 1;
    if (attempts >= CODE_MAX_ATTEMPTS) {
      ctx.repos.verifications.clearCode(verification.id);
      // An exhausted code counts as one failed sign-in, so asking for code after code still
      // runs into the account's lock: guessing is bounded, not just slowed.
      if (verification.purpose !== 'unlock') recordFailure(ctx, tx, verification.account_id, source, null);
      throw refuse(new IdentityError('CODE_ATTEMPTS_EXCEEDED'), 'attempts-exceeded');
    }
    throw refuse(new IdentityError('CODE_INCORRECT', { remaining: CODE_MAX_ATTEMPTS - attempts }), 'incorrect');
  }
  ctx.repos.verifications.complete(verification.id, tx.now);
  // The second factor completes the sign-in: the failure count starts again.
  clearFailures(ctx, ctx.repos.accounts.get(verification.account_id));
  tx.log({ appleId, source, event: 'code-accepted', outcome: 'success', detail: { for: verification.purpose } });
}

function codeHash(ctx: ServiceContext, verificationId: string, code: string): Buffer {
  return ctx.keyed.digest('verification-code', `${verificationId}:${code}`);
}
