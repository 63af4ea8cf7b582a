import type { AppPasswordView } from '../../../preload/contract/models.js';
import { normalizeAppPassword } from '../crypto/secrets.js';
import { IdentityError } from '../identity-error.js';
import { requirementFor, type Requirement, type SignInPlace } from '../policy/client-rules.js';
import { afterFailure } from '../policy/lockout.js';
import type { AccountRef, AccountRow } from '../store/accounts-repo.js';
import { transact, type ServiceContext, type Tx } from './context.js';

export type Credential = { kind: 'password' } | { kind: 'app-password'; appPassword: AppPasswordView };

export interface CheckedCredentials {
  /** As it was when checked; read the full row again inside the transaction that acts on it. */
  account: AccountRef;
  credential: Credential;
  requirement: Requirement;
}

export function appPasswordLookupHash(ctx: ServiceContext, normalized: string): Buffer {
  return ctx.keyed.digest('app-password', normalized);
}

/**
 * Judges an Apple ID and a password typed at `place`. An app-specific password is looked
 * for only where the rules accept one (Messages, FaceTime, the third-party app under two-step),
 * so the account site and iCloud never accept one. Every wrong answer counts toward the lock;
 * the answer never says which half was wrong. A locked account is refused before any check.
 */
export async function checkCredentials(
  ctx: ServiceContext,
  appleId: string,
  password: string,
  place: SignInPlace,
): Promise<CheckedCredentials> {
  const fast = checkAppPassword(ctx, appleId, password, place);
  if (fast) return fast;

  const account = ctx.repos.accounts.findByAppleId(appleId);
  if (!account) {
    await ctx.hasher.burn(password);
    return transact(ctx, (tx) => {
      tx.log({ appleId, source: place, event: 'sign-in-refused', outcome: 'failure', detail: { reason: 'incorrect' } });
      throw tx.refuse(new IdentityError('INCORRECT'));
    });
  }
  refuseIfLocked(ctx, account, place);
  const requirement = requirementFor(place, account.security_level);

  const passwordHash = account.password_hash;
  if (await ctx.hasher.verify(password, passwordHash)) {
    if (ctx.hasher.needsRehash(passwordHash)) await rehash(ctx, account.id, passwordHash, password);
    return { account: ctx.repos.accounts.get(account.id), credential: { kind: 'password' }, requirement };
  }
  return countFailure(ctx, account.id, appleId, place, 'INCORRECT');
}

/**
 * The hot path: at an app that takes app-specific passwords, a value shaped like one is looked
 * up by its keyed hash together with its account, in one indexed query — microseconds, no KDF.
 * Anything else (no match, another place, an account not under two-step) takes the slow path,
 * where a wrong guess counts toward the lock like any wrong password.
 */
export function checkAppPassword(ctx: ServiceContext, appleId: string, password: string, place: SignInPlace): CheckedCredentials | null {
  if (place !== 'messages' && place !== 'facetime' && place !== 'third-party') return null;
  const normalized = normalizeAppPassword(password);
  if (!normalized) return null;
  const found = ctx.repos.appPasswords.findActiveForAppleId(appleId, appPasswordLookupHash(ctx, normalized));
  if (!found) return null;
  const requirement = requirementFor(place, found.account.security_level);
  if (requirement !== 'app-password') return null;
  refuseIfLocked(ctx, found.account, place);
  return { account: found.account, credential: { kind: 'app-password', appPassword: found.appPassword }, requirement };
}

/** Records one more consecutive failure, locking the account when the policy says so; always throws. */
export function countFailure(
  ctx: ServiceContext,
  accountId: number,
  appleId: string,
  source: string,
  code: 'INCORRECT' | 'CURRENT_PASSWORD_INCORRECT' | 'RECOVERY_KEY_INCORRECT',
): never {
  return transact(ctx, (tx) => {
    const event = code === 'RECOVERY_KEY_INCORRECT' ? 'recovery-key-refused' : 'sign-in-refused';
    throw tx.refuse(recordFailure(ctx, tx, accountId, source, event) ?? new IdentityError(code));
  });
}

/**
 * Inside the caller's transaction: one more consecutive failure of the account (logged as
 * `event`, unless null when the caller logs it). Returns the lock error when the account is
 * locked now, else null. An account already locked counts nothing more.
 */
export function recordFailure(
  ctx: ServiceContext,
  tx: Tx,
  accountId: number,
  source: string,
  event: 'sign-in-refused' | 'recovery-key-refused' | null,
): IdentityError | null {
  // Read again inside the transaction: other sign-ins may have counted failures meanwhile.
  const fresh = ctx.repos.accounts.get(accountId);
  const appleId = fresh.apple_id;
  if (isLocked(fresh, tx.now)) return lockError(fresh, tx.now);
  const state = afterFailure(fresh.failed_attempts, tx.now);
  ctx.repos.accounts.setFailures(accountId, state.failures, state.lockedUntil, state.hardLocked);
  if (event) tx.log({ appleId, source, event, outcome: 'failure', detail: { reason: 'incorrect', failures: state.failures } });
  if (state.hardLocked) {
    tx.log({ appleId, source, event: 'account-hard-locked', outcome: 'failure', detail: { failures: state.failures } });
    return new IdentityError('HARD_LOCKED');
  }
  if (state.lockedUntil !== null) {
    tx.log({ appleId, source, event: 'account-locked', outcome: 'failure', detail: { until: state.lockedUntil } });
    return lockError({ ...fresh, locked_until: state.lockedUntil }, tx.now);
  }
  return null;
}

export function isLocked(account: Pick<AccountRow, 'hard_locked' | 'locked_until'>, now: number): boolean {
  return account.hard_locked === 1 || (account.locked_until !== null && account.locked_until > now);
}

export function refuseIfLocked(ctx: ServiceContext, account: AccountRef, source: string): void {
  const now = ctx.clock.now();
  if (!isLocked(account, now)) return;
  transact(ctx, (tx) => {
    tx.log({ appleId: account.apple_id, source, event: 'sign-in-refused', outcome: 'failure', detail: { reason: 'locked' } });
    throw tx.refuse(lockError(account, now));
  });
}

export function lockError(account: Pick<AccountRow, 'hard_locked' | 'locked_until'>, now: number): IdentityError {
  if (account.hard_locked) return new IdentityError('HARD_LOCKED');
  const minutes = Math.max(1, Math.ceil(((account.locked_until ?? now) - now) / 60_000));
  return new IdentityError('LOCKED', { minutes, until: account.locked_until ?? now });
}

/** After a right password: the failure count starts again. */
export function clearFailures(ctx: ServiceContext, account: AccountRef): void {
  if (account.failed_attempts !== 0 || account.locked_until !== null) {
    ctx.repos.accounts.setFailures(account.id, 0, null, false);
  }
}

async function rehash(ctx: ServiceContext, accountId: number, oldHash: string, password: string): Promise<void> {
  const hash = await ctx.hasher.hash(password);
  transact(ctx, () => {
    // Only if nobody changed the password while we hashed.
    if (ctx.repos.accounts.get(accountId).password_hash === oldHash) {
      ctx.repos.accounts.setPasswordHash(accountId, hash, ctx.repos.accounts.get(accountId).password_changed_at);
    }
  });
}
