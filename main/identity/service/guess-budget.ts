import { MINUTE } from '../clock.js';
import { id as newId } from '../crypto/secrets.js';
import { IdentityError } from '../identity-error.js';
import { admitsGuess, afterFailure } from '../policy/lockout.js';
import type { AccountRow } from '../store/accounts-repo.js';
import { transact, type ServiceContext, type Tx } from './context.js';

/**
 * The account's one failure budget (SPEC §3): every guess at an account — a password or an
 * app-specific password at any app or the account site, a verification code for signing in,
 * for iCloud or for unlocking, a recovery key — is admitted here first and, when wrong, counted
 * here. A new code, a new session or another channel draws on the same count; only a completed
 * sign-in (or a new password) starts it again.
 */

/** How long a reservation holds when its process dies before judging the guess. */
export const RESERVATION_LIFETIME_MS = 2 * MINUTE;

export type GuessKind = 'sign-in' | 'unlock';

type LockColumns = Pick<AccountRow, 'hard_locked' | 'locked_until' | 'disabled'>;

/** Locked now, for a guess of this kind: the unlock path alone still opens a hard lock. */
export function isLocked(account: LockColumns, now: number, kind: GuessKind = 'sign-in'): boolean {
  if (account.disabled === 1) return true;
  if (account.hard_locked === 1 && kind === 'sign-in') return true;
  return account.locked_until !== null && account.locked_until > now;
}

export function lockError(account: LockColumns, now: number, kind: GuessKind = 'sign-in'): IdentityError {
  if (account.disabled === 1) return new IdentityError('ACCOUNT_DISABLED');
  // Stryker disable next-line ConditionalExpression: equivalent — on the unlock path a hard-locked account is refused only when disabled (the hard lock clears the timed one)
  if (account.hard_locked === 1 && kind === 'sign-in') return new IdentityError('HARD_LOCKED');
  const until = account.locked_until ?? now;
  return new IdentityError('LOCKED', { minutes: Math.max(1, Math.ceil((until - now) / MINUTE)), until });
}

/**
 * Inside the caller's transaction: refuses, before anything is judged, a guess at a locked
 * account, or one that guesses still being hashed could lock (it would not have been judged had
 * they come first). The refusal is logged and committed; nothing is counted.
 */
export function admitGuess(ctx: ServiceContext, tx: Tx, account: AccountRow, source: string, kind: GuessKind = 'sign-in'): void {
  if (isLocked(account, tx.now, kind)) {
    tx.log({ appleId: account.apple_id, source, event: 'sign-in-refused', outcome: 'failure', detail: { reason: 'locked' } });
    throw tx.refuse(lockError(account, tx.now, kind));
  }
  if (!admitsGuess(account.failed_attempts, ctx.repos.guessReservations.pending(account.id, tx.now))) {
    tx.log({ appleId: account.apple_id, source, event: 'sign-in-refused', outcome: 'failure', detail: { reason: 'busy' } });
    throw tx.refuse(new IdentityError('TRY_AGAIN'));
  }
}

/**
 * Judges a password against the account's hash with the slow KDF, without a race: the guess is
 * admitted and reserved in one transaction before hashing, and judged in another after it,
 * which reads the account again. A wrong password counts (and may lock); a right one is refused
 * if a lock engaged meanwhile, or if the password was changed while it was being hashed (then
 * nothing is counted). `then` runs in the judging transaction with the account as it is now.
 */
export async function judgePassword<T>(
  ctx: ServiceContext,
  account: AccountRow,
  password: string,
  source: string,
  wrong: 'INCORRECT' | 'CURRENT_PASSWORD_INCORRECT',
  then: (tx: Tx, account: AccountRow) => T,
): Promise<T> {
  const reservation = newId();
  transact(ctx, (tx) => {
    ctx.repos.guessReservations.purgeExpired(tx.now);
    admitGuess(ctx, tx, ctx.repos.accounts.get(account.id), source);
    ctx.repos.guessReservations.reserve(reservation, account.id, tx.now + RESERVATION_LIFETIME_MS);
  });
  let right: boolean;
  try {
    right = await ctx.hasher.verify(password, account.password_hash);
  } catch (error) {
    transact(ctx, () => ctx.repos.guessReservations.release(reservation));
    throw error;
  }
  try {
    return transact(ctx, (tx) => {
      ctx.repos.guessReservations.release(reservation);
      const now = ctx.repos.accounts.get(account.id);
      if (now.password_hash !== account.password_hash) throw tx.refuse(new IdentityError(wrong));
      if (!right) throw tx.refuse(recordFailure(ctx, tx, now.id, source, 'sign-in-refused') ?? new IdentityError(wrong));
      if (isLocked(now, tx.now)) throw tx.refuse(lockError(now, tx.now));
      return then(tx, now);
    });
  } catch (error) {
    // `then` may have thrown, rolling the release back with it: a reservation must not outlive
    // its guess, or the account would refuse guesses until it expired.
    transact(ctx, () => ctx.repos.guessReservations.release(reservation));
    throw error;
  }
}

/**
 * Inside the caller's transaction: one more consecutive failure of the account (logged as
 * `event`, unless null when the caller logs it). Returns the error of the lock it caused, or
 * null when it caused none (the caller then answers with its own "wrong" error). On the unlock
 * path an account is hard-locked already: its failures count on towards disabling it.
 */
export function recordFailure(
  ctx: ServiceContext,
  tx: Tx,
  accountId: number,
  source: string,
  event: 'sign-in-refused' | 'recovery-key-refused' | null,
): IdentityError | null {
  // Read again inside the transaction: other guesses may have counted meanwhile.
  const account = ctx.repos.accounts.get(accountId);
  const appleId = account.apple_id;
  const state = afterFailure(account.failed_attempts, tx.now);
  ctx.repos.accounts.setFailures(accountId, state);
  if (event) tx.log({ appleId, source, event, outcome: 'failure', detail: { reason: 'incorrect', failures: state.failures } });
  if (state.disabled) {
    // Stryker disable next-line ConditionalExpression: equivalent — admitGuess refuses a disabled account before any failure is recorded
    if (account.disabled === 0) tx.log({ appleId, source, event: 'account-disabled', outcome: 'failure', detail: { failures: state.failures } });
    return new IdentityError('ACCOUNT_DISABLED');
  }
  if (state.hardLocked && account.hard_locked === 0) {
    tx.log({ appleId, source, event: 'account-hard-locked', outcome: 'failure', detail: { failures: state.failures } });
    return new IdentityError('HARD_LOCKED');
  }
  if (state.lockedUntil !== null) {
    tx.log({ appleId, source, event: 'account-locked', outcome: 'failure', detail: { until: state.lockedUntil } });
    return lockError({ ...account, locked_until: state.lockedUntil }, tx.now);
  }
  return null;
}

/**
 * A completed sign-in (or a new password) at `source`: the failure count starts again — and a
 * pending account recovery ends, as Apple's does when the account is used (account-recovery.ts).
 * The log says so, with where the account was used: the owner learns why the wait is over.
 */
export function clearFailures(ctx: ServiceContext, tx: Tx, account: Pick<AccountRow, 'id' | 'apple_id' | 'failed_attempts'>, source: string): void {
  if (ctx.repos.accountRecoveries.cancelPending(account.id, tx.now) > 0) {
    tx.log({ appleId: account.apple_id, source, event: 'account-recovery-cancelled', outcome: 'info' });
  }
  // Every lock comes with failures, so none means nothing to clear: the hot path of every
  // sign-in (IMAP and SMTP included) then writes nothing.
  // Stryker disable next-line ConditionalExpression: writing zeros over zeros changes nothing; the test only saves a write
  if (account.failed_attempts !== 0) {
    ctx.repos.accounts.setFailures(account.id, { failures: 0, lockedUntil: null, hardLocked: false, disabled: false });
  }
}
