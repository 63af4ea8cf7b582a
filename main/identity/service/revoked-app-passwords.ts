import { MINUTE } from '../clock.js';
import { normalizeAppPassword } from '../crypto/secrets.js';
import { IdentityError } from '../identity-error.js';
import { transact, type ServiceContext } from './context.js';
import { appPasswordLookupHash } from './credentials.js';
import { isLocked, lockError } from './guess-budget.js';

/**
 * A client that retries every few seconds is written to the activity log this often at most (the
 * log keeps its newest 10,000 entries, and one forgotten client must not push the rest out);
 * View History counts every retry.
 */
export const REVOKED_RETRY_LOG_INTERVAL_MS = 5 * MINUTE;

/**
 * A revoked app-specific password presented again is no guess (SPEC §3): it was the account's
 * own, handed to an app by its owner, and a mail client retries its saved one after a revocation
 * — fetchmail every 15 s, aerc every few seconds, neomutt three times per reconnect. Counted, those
 * retries locked the account within a minute, the user's other passwords with it. So a value that
 * is, exactly (any dashes and case, as at sign-in), a revoked password of this Apple ID still kept
 * (the newest 100 of the account, for a year) is refused with INCORRECT — the words of a wrong
 * password, or the lock's while a lock is on — without touching the failure budget; the retry is
 * noted for View History ("used after revocation by …") and, now and then, the activity log. As
 * with the right normal password where an app-specific one is needed, Dovecot's auth penalty does
 * the same for a repeated identical wrong password (auth-penalty.c: a retry with the same
 * user/password checksum adds no penalty).
 *
 * Used at every app and mail client (not at the account site or iCloud, where an app-specific
 * password is never the credential asked for). Returns when `password` is no such password; the
 * caller then judges it as ever.
 */
export function refuseRevokedAppPassword(ctx: ServiceContext, appleId: string, password: string, place: string, usedBy: string): void {
  const normalized = normalizeAppPassword(password);
  if (!normalized) return;
  const hash = appPasswordLookupHash(ctx, normalized);
  // One indexed read decides the common case (no such password) without taking the write lock.
  if (!ctx.repos.revokedAppPasswords.find(appleId, hash, ctx.clock.now())) return;
  transact(ctx, (tx) => {
    const revoked = ctx.repos.revokedAppPasswords.find(appleId, hash, tx.now);
    // Dropped from the bound meanwhile: then it is judged like any other value.
    if (!revoked) return;
    const account = ctx.repos.accounts.get(revoked.accountId);
    const logged = revoked.lastLoggedAt === null || tx.now - revoked.lastLoggedAt >= REVOKED_RETRY_LOG_INTERVAL_MS;
    ctx.repos.revokedAppPasswords.presented(revoked.appPasswordId, usedBy, tx.now, logged);
    if (logged) {
      tx.log({ appleId: account.apple_id, source: place, event: 'app-password-used-after-revocation', outcome: 'failure', detail: { label: revoked.label, client: usedBy } });
    }
    throw tx.refuse(isLocked(account, tx.now) ? lockError(account, tx.now) : new IdentityError('INCORRECT'));
  });
}
