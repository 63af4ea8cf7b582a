import { timingSafeEqual } from 'node:crypto';
import type { CodeSent, SignInChallenge } from '../../../preload/contract/account-site-types.js';
import type { DeviceNotification, SignInRequestPlace, TrustedDeviceKind, TrustedDeviceView } from '../../../preload/contract/models.js';
import { HOUR, MINUTE } from '../clock.js';
import { id as newId, verificationCode } from '../crypto/secrets.js';
import { IdentityError } from '../identity-error.js';
import { codeLengthFor } from '../policy/client-rules.js';
import type { AccountRow } from '../store/accounts-repo.js';
import type { DeviceRow } from '../store/devices-repo.js';
import type { VerificationPurpose, VerificationRow } from '../store/verifications-repo.js';
import { transact, type ServiceContext, type Tx } from './context.js';
import { admitGuess, clearFailures, isLocked, lockError, recordFailure, type GuessKind } from './guess-budget.js';

/** A started verification, before the caller adds its status. */
export type VerificationChallenge = Omit<SignInChallenge, 'status'>;
export type { CodeSent };

export const CODE_LIFETIME_MS = 10 * MINUTE;
export const CODE_MAX_ATTEMPTS = 5;
/** How long a started sign-in waits for its second step, however many codes it asks for. */
export const VERIFICATION_LIFETIME_MS = 30 * MINUTE;
/** A verification may ask for a new code this long after its last one. */
export const CODE_RESEND_INTERVAL_MS = 30_000;
/** At most this many codes go out for one account in any hour, whatever asked for them. */
export const CODES_PER_ACCOUNT_PER_HOUR = 10;

export function deviceView(row: DeviceRow): TrustedDeviceView {
  return { id: row.id, kind: row.kind, name: row.name, maskedName: maskDeviceName(row) };
}

/** A phone number is shown only by its last two digits before the user has proven who they are. */
export function maskDeviceName(row: Pick<DeviceRow, 'kind' | 'name'>): string {
  if (row.kind !== 'phone') return row.name;
  const digits = row.name.replace(/\D/g, '');
  return `•••-••${digits.slice(-2)}`;
}

function guessKind(purpose: VerificationPurpose): GuessKind {
  return purpose === 'unlock' ? 'unlock' : 'sign-in';
}

export function startVerification(
  ctx: ServiceContext,
  tx: Tx,
  account: AccountRow,
  purpose: VerificationPurpose,
  phoneNumber: string | null = null,
): VerificationChallenge {
  const verificationId = newId();
  ctx.repos.verifications.purgeBefore(tx.now - VERIFICATION_LIFETIME_MS);
  ctx.repos.verifications.insert(verificationId, account.id, purpose, tx.now, tx.now + VERIFICATION_LIFETIME_MS, phoneNumber);
  return {
    verificationId,
    devices: ctx.repos.devices.forAccount(account.id).map(deviceView),
    codeLength: codeLengthFor(account.security_level),
    securityLevel: account.security_level === 'two-factor' ? 'two-factor' : 'two-step',
    // Only two-step verification has a recovery key.
    recoveryKeyAccepted: account.recovery_key_hash !== null,
  };
}

/**
 * A live, unfinished verification, or the error that says why not. A locked account gets no
 * codes and has none judged; a hard lock does not close the unlock path, which exists to lift it.
 */
export function openVerification(ctx: ServiceContext, tx: Tx, verificationId: string, purposes: VerificationPurpose[]): VerificationRow {
  const row = ctx.repos.verifications.get(verificationId);
  // Don't Allow on the trusted iPhone ended this attempt: every place hears the same refusal.
  if (row && row.denied_at !== null && purposes.includes(row.purpose)) throw tx.refuse(new IdentityError('SIGN_IN_DENIED'));
  if (!row || row.completed_at !== null || !purposes.includes(row.purpose)) {
    throw tx.refuse(new IdentityError('VERIFICATION_NOT_FOUND'));
  }
  if (row.expires_at <= tx.now) throw tx.refuse(new IdentityError('VERIFICATION_EXPIRED'));
  const account = ctx.repos.accounts.get(row.account_id);
  if (isLocked(account, tx.now, guessKind(row.purpose))) throw tx.refuse(lockError(account, tx.now, guessKind(row.purpose)));
  return row;
}

/** Where a code goes: a trusted device, or (while it is being added) a new phone number. */
export interface CodeTarget {
  deviceId: number | null;
  kind: TrustedDeviceKind;
  name: string;
}

/** Makes a new code for a verification at a trusted device of the account. */
export function sendCode(ctx: ServiceContext, verificationId: string, deviceId: number, purposes: VerificationPurpose[]): CodeSent {
  return transact(ctx, (tx) => sendCodeToDevice(ctx, tx, openVerification(ctx, tx, verificationId, purposes), deviceId));
}

/** Inside the caller's transaction: sendCode's work, for a verification the caller opened. */
export function sendCodeToDevice(ctx: ServiceContext, tx: Tx, verification: VerificationRow, deviceId: number): CodeSent {
  const device = ctx.repos.devices.find(verification.account_id, deviceId);
  if (!device) throw tx.refuse(new IdentityError('TRUSTED_DEVICE_NOT_FOUND'));
  return deliverCode(ctx, tx, verification, { deviceId: device.id, kind: device.kind, name: device.name });
}

/** Inside the caller's transaction: a new code for a phone number being added, sent to that number. */
export function sendCodeToNewNumber(ctx: ServiceContext, tx: Tx, verification: VerificationRow): CodeSent {
  if (verification.phone_number === null) throw tx.refuse(new IdentityError('VERIFICATION_NOT_FOUND'));
  return deliverCode(ctx, tx, verification, { deviceId: null, kind: 'phone', name: verification.phone_number });
}

/**
 * When the next code may go out, or null if now: each verification waits between its codes, and
 * the account gets only so many codes an hour (a new sign-in does not start that count again).
 */
export function nextCodeAllowedAt(ctx: ServiceContext, verification: VerificationRow, now: number): number | null {
  const waits: number[] = [];
  if (verification.last_code_sent_at !== null) waits.push(verification.last_code_sent_at + CODE_RESEND_INTERVAL_MS);
  const windowStart = now - HOUR;
  if (ctx.repos.codeSends.countSince(verification.account_id, windowStart) >= CODES_PER_ACCOUNT_PER_HOUR) {
    waits.push(ctx.repos.codeSends.oldestSince(verification.account_id, windowStart)! + HOUR);
  }
  const at = Math.max(now, ...waits);
  return at > now ? at : null;
}

/**
 * Makes a new code (replacing any earlier one of the verification, whose tries then end) and
 * delivers it — unless codes are asked for too often, which is refused with when the next may go.
 * Under two-factor authentication a trusted iPhone is asked to Allow the sign-in first (the
 * request counts as a send); a phone number gets its code by SMS straight away, as Apple does.
 */
function deliverCode(ctx: ServiceContext, tx: Tx, verification: VerificationRow, target: CodeTarget): CodeSent {
  const account = ctx.repos.accounts.get(verification.account_id);
  const allowedAt = nextCodeAllowedAt(ctx, verification, tx.now);
  if (allowedAt !== null) {
    tx.log({ appleId: account.apple_id, source: maskDeviceName(target), event: 'code-refused', outcome: 'failure', detail: { reason: 'too-many-sent' } });
    throw tx.refuse(new IdentityError('CODE_RATE_LIMITED', { seconds: Math.ceil((allowedAt - tx.now) / 1000), at: allowedAt }));
  }
  ctx.repos.codeSends.purgeBefore(tx.now - HOUR);
  ctx.repos.codeSends.record(account.id, tx.now);
  if (account.security_level === 'two-factor' && target.kind === 'iphone') return requestSignIn(ctx, tx, verification, account, target);
  return { ...issueCode(ctx, tx, verification, account, target), awaitsApproval: false };
}

/** Inside the caller's transaction: a new code of the verification, on the target's screen. Counts on no limit (the caller's send did). */
export function issueCode(ctx: ServiceContext, tx: Tx, verification: VerificationRow, account: AccountRow, target: CodeTarget): Omit<CodeSent, 'awaitsApproval'> {
  const codeLength = codeLengthFor(account.security_level);
  const code = verificationCode(codeLength);
  const expiresAt = tx.now + CODE_LIFETIME_MS;
  ctx.repos.verifications.setCode(verification.id, codeHash(ctx, verification.id, code), target.deviceId, expiresAt, tx.now);
  tx.log({
    appleId: account.apple_id,
    source: maskDeviceName(target),
    event: 'code-sent',
    outcome: 'info',
    detail: { via: target.kind === 'iphone' ? 'find-my-iphone' : 'sms', for: verification.purpose },
  });
  deliver(ctx, tx, verification, {
    ...notificationTo(target, account),
    code,
    expiresAt,
    replaces: ctx.inbox.latestFor(verification.id, 'code')?.id ?? null,
  });
  return { deviceId: target.deviceId, deviceName: maskDeviceName(target), codeLength, expiresAt };
}

/** What the alert of a sign-in request names as the place signing in. */
function requestPlace(purpose: VerificationPurpose): SignInRequestPlace {
  switch (purpose) {
    case 'icloud':
    case 'app-store':
    case 'messages':
    case 'facetime':
      return 'mac';
    case 'icloud-web':
      return 'icloud-com';
    default:
      return 'web-browser';
  }
}

/**
 * Two-factor authentication: the trusted iPhone shows "Apple ID Sign In Requested" (Allow /
 * Don't Allow) instead of a code; the code before it stops working, and the request lasts as
 * long as the sign-in attempt. sign-in-approval.ts takes the answer.
 */
function requestSignIn(ctx: ServiceContext, tx: Tx, verification: VerificationRow, account: AccountRow, target: CodeTarget): CodeSent {
  ctx.repos.verifications.markSent(verification.id, tx.now);
  tx.log({ appleId: account.apple_id, source: maskDeviceName(target), event: 'sign-in-requested', outcome: 'info', detail: { for: verification.purpose } });
  deliver(ctx, tx, verification, {
    ...notificationTo(target, account),
    code: '',
    expiresAt: verification.expires_at,
    replaces: ctx.inbox.latestFor(verification.id)?.id ?? null,
    request: { place: requestPlace(verification.purpose), decision: 'pending' },
  });
  return { deviceId: target.deviceId, deviceName: maskDeviceName(target), codeLength: codeLengthFor(account.security_level), expiresAt: verification.expires_at, awaitsApproval: true };
}

type NewNotification = Pick<DeviceNotification, 'code' | 'expiresAt' | 'replaces'> & Partial<Pick<DeviceNotification, 'request'>>;

function notificationTo(target: CodeTarget, account: AccountRow): Pick<DeviceNotification, 'deviceId' | 'deviceKind' | 'deviceName' | 'appleId'> {
  return { deviceId: target.deviceId, deviceKind: target.kind, deviceName: target.name, appleId: account.apple_id };
}

function deliver(ctx: ServiceContext, tx: Tx, verification: VerificationRow, fields: Pick<DeviceNotification, 'deviceId' | 'deviceKind' | 'deviceName' | 'appleId'> & NewNotification): void {
  const notification: DeviceNotification = { id: newId(), sentAt: tx.now, usedAt: null, request: null, ...fields };
  ctx.inbox.add(notification, verification.id);
  tx.emit({ type: 'code-delivered', notification });
}

/**
 * Judges a typed code inside the caller's transaction: one use, 10 minutes, 5 tries per code —
 * and every wrong one is a failed guess at the account, so asking for code after code runs into
 * the account's lock like password guessing does. A wrong code is counted (and refused); a right
 * one is left unused, for acceptCode (or a later transaction's) to complete.
 */
export function judgeCode(ctx: ServiceContext, tx: Tx, verification: VerificationRow, code: string, source: string): void {
  const account = ctx.repos.accounts.get(verification.account_id);
  const refuse = (error: IdentityError, reason: string) => {
    tx.log({ appleId: account.apple_id, source, event: 'code-refused', outcome: 'failure', detail: { reason } });
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
  admitGuess(ctx, tx, account, source, guessKind(verification.purpose));
  if (!timingSafeEqual(verification.code_hash, codeHash(ctx, verification.id, code))) {
    ctx.repos.verifications.countAttempt(verification.id);
    const attempts = verification.code_attempts + 1;
    const locked = recordFailure(ctx, tx, account.id, source, null);
    if (attempts >= CODE_MAX_ATTEMPTS) {
      ctx.repos.verifications.clearCode(verification.id);
      throw refuse(locked ?? new IdentityError('CODE_ATTEMPTS_EXCEEDED'), 'attempts-exceeded');
    }
    throw refuse(locked ?? new IdentityError('CODE_INCORRECT', { remaining: CODE_MAX_ATTEMPTS - attempts }), 'incorrect');
  }
}

/**
 * Checks a typed code (judgeCode) and, when it is right, completes the verification (it never
 * works twice) and the sign-in, so the failure count starts again.
 */
export function acceptCode(ctx: ServiceContext, tx: Tx, verification: VerificationRow, code: string, source: string): void {
  judgeCode(ctx, tx, verification, code, source);
  const account = ctx.repos.accounts.get(verification.account_id);
  ctx.repos.verifications.complete(verification.id, tx.now);
  clearFailures(ctx, tx, account, source);
  tx.log({ appleId: account.apple_id, source, event: 'code-accepted', outcome: 'success', detail: { for: verification.purpose } });
  // The device shows the code as used from now on (only the device is sent it: it holds the code).
  const used = ctx.inbox.markUsed(verification.id, tx.now);
  if (used) tx.emit({ type: 'code-delivered', notification: used });
}

function codeHash(ctx: ServiceContext, verificationId: string, code: string): Buffer {
  return ctx.keyed.digest('verification-code', `${verificationId}:${code}`);
}
