import { timingSafeEqual } from 'node:crypto';
import type {
  BrowserKind,
  BrowserSystem,
  TrustDecision,
  TrustedBrowserAdminView,
  TrustedBrowserView,
  TrustPlace,
} from '../../../preload/contract/trusted-browsers-types.js';
import { DAY, MINUTE } from '../clock.js';
import { id as newId, token as newToken } from '../crypto/secrets.js';
import { IdentityError } from '../identity-error.js';
import type { AccountRow } from '../store/accounts-repo.js';
import type { OpenTrustedBrowserRow, TrustedBrowserRow } from '../store/trusted-browsers-repo.js';
import { siteAccount } from './account-site.js';
import { transact, type ServiceContext, type Tx } from './context.js';
import { webSessionAccount } from './web-sessions.js';

/**
 * "Trust this browser?" under two-factor authentication (issue 19, part B; Apple's 102660).
 * After a right code at My Apple ID or iCloud.com the page asks; Trust makes that browser, at
 * that place, sign in with the password alone for 30 days. The rules are the service's:
 * - the question exists only for the verification just completed, in the session its code
 *   opened (the session token's keyed hash is kept with it), for a few minutes, answered once —
 *   so it cannot be answered later, twice, or from another browser;
 * - the trust is a random token stored only as its keyed hash, carried as the sessions are
 *   (an HttpOnly cookie half and a key half the page keeps in its own origin's storage);
 * - it never skips the password, which is judged on the account's one failure budget as ever;
 * - a new password, leaving two-factor authentication, Remove at My Apple ID or End in the
 *   control center ends it; after 30 days (by the service's clock) it has run out.
 */

/** Apple: a trusted browser is not asked for a code for 30 days. */
export const TRUSTED_BROWSER_LIFETIME_MS = 30 * DAY;
/** The question waits this long after the code; then the page's answer is refused. */
export const TRUST_OFFER_LIFETIME_MS = 10 * MINUTE;

export type TrustedBrowserEndReason = 'removed' | 'control-center' | 'password-changed' | 'security-changed' | 'expired';

export interface BrowserName {
  browser: BrowserKind;
  os: BrowserSystem;
}

function tokenHash(ctx: ServiceContext, token: string): Buffer {
  return ctx.keyed.digest('trusted-browser', token);
}

function offerSessionHash(ctx: ServiceContext, sessionToken: string): Buffer {
  return ctx.keyed.digest('trust-offer-session', sessionToken);
}

function lapsed(row: Pick<TrustedBrowserRow, 'expires_at'>, now: number): boolean {
  return now >= row.expires_at;
}

function view(row: TrustedBrowserRow): TrustedBrowserView {
  return { id: row.id, place: row.place, browser: row.browser, os: row.os, trustedAt: row.created_at, expiresAt: row.expires_at };
}

function end(ctx: ServiceContext, tx: Tx, row: OpenTrustedBrowserRow | (TrustedBrowserRow & { apple_id: string }), reason: TrustedBrowserEndReason): boolean {
  if (!ctx.repos.trustedBrowsers.endById(row.id, reason, tx.now)) return false;
  tx.log({ appleId: row.apple_id, source: row.place, event: 'trusted-browser-ended', outcome: 'info', detail: { reason, browser: row.browser, os: row.os } });
  tx.emit({ type: 'places-changed', what: 'trusted-browsers' });
  return true;
}

/**
 * Inside the sign-in's judging transaction: whether one of the trust tokens the browser sent
 * (more than one arrives when another port planted a cookie) trusts it for this account at
 * `place`, now. One that ran out ends here.
 */
export function browserTrusted(ctx: ServiceContext, tx: Tx, place: TrustPlace, account: AccountRow, tokens: readonly string[]): boolean {
  if (account.security_level !== 'two-factor') return false;
  for (const token of tokens) {
    const row = ctx.repos.trustedBrowsers.get(tokenHash(ctx, token), place);
    if (!row || row.account_id !== account.id) continue;
    if (lapsed(row, tx.now)) {
      end(ctx, tx, { ...row, apple_id: account.apple_id }, 'expired');
      continue;
    }
    return true;
  }
  return false;
}

/**
 * Inside the transaction that accepted the code of `verificationId` and opened `sessionToken`:
 * under two-factor authentication the question is asked, for this session only. Returns
 * whether it is (two-step verification never asks).
 */
export function offerTrust(ctx: ServiceContext, tx: Tx, place: TrustPlace, account: AccountRow, verificationId: string, sessionToken: string): boolean {
  if (account.security_level !== 'two-factor') return false;
  ctx.repos.trustedBrowsers.insertOffer({
    verificationId,
    accountId: account.id,
    place,
    sessionHash: offerSessionHash(ctx, sessionToken),
    now: tx.now,
    expiresAt: tx.now + TRUST_OFFER_LIFETIME_MS,
  });
  return true;
}

function sessionAccountAt(ctx: ServiceContext, tx: Tx, place: TrustPlace, sessionToken: string): AccountRow {
  return place === 'account-site' ? siteAccount(ctx, tx, sessionToken) : webSessionAccount(ctx, tx, place, sessionToken).account;
}

/**
 * The page's answer to "Trust this browser?", from the session the code opened. Anything but
 * the open question of this very session — answered already, too late, another session's,
 * another place's, or the account left two-factor authentication — is VERIFICATION_NOT_FOUND.
 * Trust returns the new trust's token (for the server to split into cookie and key).
 */
export function decideTrust(
  ctx: ServiceContext,
  place: TrustPlace,
  sessionToken: string,
  verificationId: string,
  decision: TrustDecision,
  name: BrowserName,
): { token: string; browser: TrustedBrowserView } | null {
  return transact(ctx, (tx) => {
    const account = sessionAccountAt(ctx, tx, place, sessionToken);
    const offer = ctx.repos.trustedBrowsers.offer(verificationId);
    const valid =
      offer !== undefined &&
      offer.place === place &&
      offer.account_id === account.id &&
      offer.decided_at === null &&
      tx.now < offer.expires_at &&
      account.security_level === 'two-factor' &&
      timingSafeEqual(offer.session_hash, offerSessionHash(ctx, sessionToken));
    // The UPDATE … WHERE decided_at IS NULL is the one gate: of answers racing, one changes the row.
    if (!valid || !ctx.repos.trustedBrowsers.decide(verificationId, decision, tx.now)) throw tx.refuse(new IdentityError('VERIFICATION_NOT_FOUND'));
    if (decision !== 'trust') return null;
    const token = newToken();
    const row: TrustedBrowserRow = { id: newId(), account_id: account.id, place, browser: name.browser, os: name.os, created_at: tx.now, expires_at: tx.now + TRUSTED_BROWSER_LIFETIME_MS };
    ctx.repos.trustedBrowsers.insert({ tokenHash: tokenHash(ctx, token), id: row.id, accountId: account.id, place, browser: row.browser, os: row.os, now: tx.now, expiresAt: row.expires_at });
    tx.log({ appleId: account.apple_id, source: place, event: 'browser-trusted', outcome: 'success', detail: { browser: row.browser, os: row.os } });
    tx.emit({ type: 'places-changed', what: 'trusted-browsers' });
    return { token, browser: view(row) };
  });
}

function openOf(ctx: ServiceContext, accountId: number, now: number): OpenTrustedBrowserRow[] {
  return ctx.repos.trustedBrowsers.openForAccount(accountId).filter((row) => !lapsed(row, now));
}

/** My Apple ID's Password and Security: the account's trusted browsers, oldest first. */
export function trustedBrowsersOf(ctx: ServiceContext, sessionToken: string): TrustedBrowserView[] {
  return transact(ctx, (tx) => openOf(ctx, siteAccount(ctx, tx, sessionToken).id, tx.now).map(view));
}

/**
 * My Apple ID's Remove: that browser asks for a code again at its next sign-in. Only the
 * signed-in owner's own browsers; removing needs no password again (it only takes trust away).
 */
export function removeTrustedBrowser(ctx: ServiceContext, sessionToken: string, browserId: string): TrustedBrowserView[] {
  return transact(ctx, (tx) => {
    const account = siteAccount(ctx, tx, sessionToken);
    const row = openOf(ctx, account.id, tx.now).find((r) => r.id === browserId);
    if (!row) throw tx.refuse(new IdentityError('TRUSTED_BROWSER_NOT_FOUND'));
    end(ctx, tx, row, 'removed');
    return openOf(ctx, account.id, tx.now).map(view);
  });
}

/**
 * Inside the caller's transaction: every trusted browser of the account ends, and every question
 * still open is withdrawn — a new password, or the account left two-factor authentication.
 */
export function endTrustedBrowsersOf(ctx: ServiceContext, tx: Tx, account: Pick<AccountRow, 'id'>, reason: TrustedBrowserEndReason): number {
  ctx.repos.trustedBrowsers.withdrawOffers(account.id, tx.now);
  let ended = 0;
  for (const row of ctx.repos.trustedBrowsers.openForAccount(account.id)) if (end(ctx, tx, row, reason)) ended++;
  return ended;
}

/** The control center's list: every account's trusted browsers that have not run out, oldest first. */
export function openTrustedBrowsers(ctx: ServiceContext): TrustedBrowserAdminView[] {
  const now = ctx.clock.now();
  return ctx.repos.trustedBrowsers
    .open()
    .filter((row) => !lapsed(row, now))
    .map((row) => ({ ...view(row), appleId: row.apple_id }));
}

/** The control center's End: that browser asks for a code again. */
export function endTrustedBrowserById(ctx: ServiceContext, browserId: string): void {
  transact(ctx, (tx) => {
    const row = ctx.repos.trustedBrowsers.open().find((r) => r.id === browserId);
    if (!row || lapsed(row, tx.now)) throw tx.refuse(new IdentityError('TRUSTED_BROWSER_NOT_FOUND'));
    end(ctx, tx, row, 'control-center');
  });
}
