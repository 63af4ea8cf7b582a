import type { WebSessionPlace, WebSessionView } from '../../../preload/contract/places-types.js';
import { DAY } from '../clock.js';
import { id as newId, token as newToken } from '../crypto/secrets.js';
import { IdentityError } from '../identity-error.js';
import type { AccountRow } from '../store/accounts-repo.js';
import type { WebSessionRow } from '../store/web-sessions-repo.js';
import { ACCOUNT_SITE_IDLE_MS, ACCOUNT_SITE_MAX_AGE_MS } from './account-site.js';
import { transact, type ServiceContext, type Tx } from './context.js';

/**
 * The browser sessions of iCloud.com and of the support page, on the account site's origin
 * (issue 19). Like My Apple ID's (account-site.ts): a random token, stored only as its keyed
 * hash, travelling in two halves (an HttpOnly cookie and a key the page keeps), ended by signing
 * out, a password change, the control center or Reset & restart. Without "Keep me signed in" one
 * ends after 15 idle minutes or 12 hours, as My Apple ID's do (SPEC §3). With it (iCloud.com
 * only) the browser stays signed in for 30 days however idle, the seed's remark: iCloud.com can
 * keep you signed in where My Apple ID asks for a code every time.
 */

/** iCloud.com's "Keep me signed in": 30 days from signing in (SPEC §3 "Portal sessions"). */
export const KEEP_SIGNED_IN_MS = 30 * DAY;
export const WEB_SESSION_IDLE_MS = ACCOUNT_SITE_IDLE_MS;
export const WEB_SESSION_MAX_AGE_MS = ACCOUNT_SITE_MAX_AGE_MS;

/** Why a browser session ended (kept with it, and in the activity log). */
export type WebSessionEndReason = 'signed-out' | 'all-browsers' | 'password-changed' | 'control-center' | 'expired';

function tokenHash(ctx: ServiceContext, token: string): Buffer {
  return ctx.keyed.digest('web-session', token);
}

/** Whether a session has run out at `now` (it is then ended when next seen). */
function lapsed(session: WebSessionRow, now: number): boolean {
  if (now >= session.expires_at) return true;
  return session.keep_signed_in === 0 && now - session.last_seen_at >= WEB_SESSION_IDLE_MS;
}

/** Inside the caller's transaction: a new session of `place` for the account; returns its token. */
export function openWebSession(ctx: ServiceContext, tx: Tx, place: WebSessionPlace, account: AccountRow, keepSignedIn: boolean): string {
  const token = newToken();
  const keep = place === 'icloud-web' && keepSignedIn;
  ctx.repos.webSessions.insert({
    tokenHash: tokenHash(ctx, token),
    id: newId(),
    accountId: account.id,
    place,
    keepSignedIn: keep,
    now: tx.now,
    expiresAt: tx.now + (keep ? KEEP_SIGNED_IN_MS : WEB_SESSION_MAX_AGE_MS),
  });
  tx.log({ appleId: account.apple_id, source: place, event: 'sign-in', outcome: 'success', detail: place === 'icloud-web' ? { keepSignedIn: keep } : {} });
  tx.emit({ type: 'places-changed', what: 'web-sessions' });
  return token;
}

/**
 * The account and session behind a token, inside the caller's transaction. An unknown, ended or
 * other place's token is NOT_SIGNED_IN; one that ran out ends now and is SESSION_EXPIRED.
 */
export function webSessionAccount(ctx: ServiceContext, tx: Tx, place: WebSessionPlace, token: string): { account: AccountRow; session: WebSessionRow } {
  const hash = tokenHash(ctx, token);
  const session = ctx.repos.webSessions.get(hash, place);
  if (!session) throw tx.refuse(new IdentityError('NOT_SIGNED_IN'));
  const account = ctx.repos.accounts.get(session.account_id);
  if (lapsed(session, tx.now)) {
    endSession(ctx, tx, () => ctx.repos.webSessions.end(hash, 'expired', tx.now), account.apple_id, place, 'expired');
    throw tx.refuse(new IdentityError('SESSION_EXPIRED'));
  }
  ctx.repos.webSessions.touch(hash, tx.now);
  return { account, session: { ...session, last_seen_at: tx.now } };
}

/** Whether a token is an open session of `place` (changes nothing): tells a planted cookie from the user's. */
export function webSessionOpen(ctx: ServiceContext, place: WebSessionPlace, token: string): boolean {
  return ctx.repos.webSessions.get(tokenHash(ctx, token), place) !== undefined;
}

function endSession(ctx: ServiceContext, tx: Tx, end: () => boolean, appleId: string, place: WebSessionPlace, reason: WebSessionEndReason): boolean {
  if (!end()) return false;
  tx.log({ appleId, source: place, event: 'session-ended', outcome: 'info', detail: { reason } });
  tx.emit({ type: 'places-changed', what: 'web-sessions' });
  return true;
}

/** Sign Out: this browser's session ends (an unknown token is already signed out). */
export function signOutWebSession(ctx: ServiceContext, place: WebSessionPlace, token: string): void {
  transact(ctx, (tx) => {
    const hash = tokenHash(ctx, token);
    const session = ctx.repos.webSessions.get(hash, place);
    if (!session) return;
    endSession(ctx, tx, () => ctx.repos.webSessions.end(hash, 'signed-out', tx.now), ctx.repos.accounts.get(session.account_id).apple_id, place, 'signed-out');
  });
}

/**
 * Inside the caller's transaction: ends the account's browser sessions of `place` (every place
 * when null) — "Sign Out of All Browsers", or a new password. Returns how many ended.
 */
export function endWebSessionsOf(ctx: ServiceContext, tx: Tx, account: Pick<AccountRow, 'id' | 'apple_id'>, place: WebSessionPlace | null, reason: WebSessionEndReason): number {
  let ended = 0;
  for (const session of ctx.repos.webSessions.openForAccount(account.id)) {
    if (place !== null && session.place !== place) continue;
    if (endSession(ctx, tx, () => ctx.repos.webSessions.endById(session.id, reason, tx.now), account.apple_id, session.place, reason)) ended++;
  }
  return ended;
}

/** The control center's list: open sessions that have not run out, oldest first. */
export function openWebSessions(ctx: ServiceContext): WebSessionView[] {
  const now = ctx.clock.now();
  return ctx.repos.webSessions
    .open()
    .filter((s) => !lapsed(s, now))
    .map((s) => ({
      id: s.id,
      place: s.place,
      appleId: s.apple_id,
      startedAt: s.created_at,
      lastSeenAt: s.last_seen_at,
      keepSignedIn: s.keep_signed_in === 1,
      expiresAt: s.expires_at,
    }));
}

/** The control center's End: that browser is signed out at its next request. */
export function endWebSessionById(ctx: ServiceContext, sessionId: string): void {
  transact(ctx, (tx) => {
    const session = ctx.repos.webSessions.openById(sessionId);
    if (!session || lapsed(session, tx.now)) throw tx.refuse(new IdentityError('WEB_SESSION_NOT_FOUND'));
    endSession(ctx, tx, () => ctx.repos.webSessions.endById(session.id, 'control-center', tx.now), session.apple_id, session.place, 'control-center');
  });
}
