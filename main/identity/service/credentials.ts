import { normalizeAppPassword } from '../crypto/secrets.js';
import { IdentityError } from '../identity-error.js';
import { requirementFor, type SignInPlace } from '../policy/client-rules.js';
import type { AccountRow } from '../store/accounts-repo.js';
import type { ActiveAppPassword } from '../store/app-passwords-repo.js';
import { transact, type ServiceContext, type Tx } from './context.js';
import { admitGuess, clearFailures, judgePassword } from './guess-budget.js';

/** As it was when looked up; the transaction that acts on it reads the account again. */
export type FoundAppPassword = ActiveAppPassword;

export function appPasswordLookupHash(ctx: ServiceContext, normalized: string): Buffer {
  return ctx.keyed.digest('app-password', normalized);
}

/**
 * The hot path: at an app that takes app-specific passwords, a value shaped like one is looked
 * up by its keyed hash together with its account, in one indexed query — microseconds, no KDF.
 * Null for anything else (no match, or a place or an account's protection where SPEC §3 wants no
 * app-specific password: the site, iCloud, an account without two-step): the caller
 * then judges it as a password, where a wrong one counts toward the lock.
 */
export function checkAppPassword(ctx: ServiceContext, appleId: string, password: string, place: SignInPlace): FoundAppPassword | null {
  const normalized = normalizeAppPassword(password);
  if (!normalized) return null;
  const found = ctx.repos.appPasswords.findActiveForAppleId(appleId, appPasswordLookupHash(ctx, normalized));
  if (!found || requirementFor(place, found.account.security_level) !== 'app-password') return null;
  return found;
}

/**
 * Signs in with an app-specific password found by checkAppPassword, inside the caller's
 * transaction: the guess is admitted (the account may have been locked since), the password
 * must still be active (it was looked up outside this transaction: another process may have
 * revoked it), the failure count starts again and "last used" notes `usedBy`. Returns the
 * account as it is now; the caller logs and opens its session.
 */
export function acceptAppPassword(ctx: ServiceContext, tx: Tx, found: FoundAppPassword, place: SignInPlace, usedBy: string): AccountRow {
  const account = ctx.repos.accounts.get(found.account.id);
  admitGuess(ctx, tx, account, place);
  if (ctx.repos.appPasswords.get(account.id, found.appPassword.id)?.revokedAt !== null) throw tx.refuse(new IdentityError('INCORRECT'));
  clearFailures(ctx, tx, account, place);
  ctx.repos.appPasswords.markUsed(found.appPassword.id, usedBy, tx.now);
  return account;
}

/**
 * Judges the account's password typed at `place` (see judgePassword: admitted, reserved, hashed,
 * counted when wrong), then runs `then` in the judging transaction. An Apple ID that does not
 * exist takes as long and answers as a wrong password does, so the answer never tells which
 * half was wrong.
 */
export async function judgeSignIn<T>(
  ctx: ServiceContext,
  appleId: string,
  password: string,
  place: string,
  then: (tx: Tx, account: AccountRow) => T,
): Promise<T> {
  const account = ctx.repos.accounts.findByAppleId(appleId);
  if (!account) {
    await ctx.hasher.burn(password);
    return transact(ctx, (tx) => {
      tx.log({ appleId, source: place, event: 'sign-in-refused', outcome: 'failure', detail: { reason: 'incorrect' } });
      throw tx.refuse(new IdentityError('INCORRECT'));
    });
  }
  const result = await judgePassword(ctx, account, password, place, 'INCORRECT', then);
  await rehashIfNeeded(ctx, account, password);
  return result;
}

/** A right password stored at a lower cost than today's is hashed anew, unless it changed meanwhile. */
async function rehashIfNeeded(ctx: ServiceContext, account: AccountRow, password: string): Promise<void> {
  if (!ctx.hasher.needsRehash(account.password_hash)) return;
  const hash = await ctx.hasher.hash(password);
  transact(ctx, () => {
    const now = ctx.repos.accounts.get(account.id);
    if (now.password_hash === account.password_hash) ctx.repos.accounts.setPasswordHash(account.id, hash, now.password_changed_at);
  });
}
