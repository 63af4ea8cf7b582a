import type { AppStoreAppId } from '../../../preload/contract/app-store-catalog.js';
import type { AppStoreSignInResult, AppStoreView, PlacesView } from '../../../preload/contract/places-types.js';
import { id as newId } from '../crypto/secrets.js';
import { IdentityError } from '../identity-error.js';
import { codeNeededAt } from '../policy/place-rules.js';
import type { AccountRow } from '../store/accounts-repo.js';
import { transact, type ServiceContext, type Tx } from './context.js';
import { isLocked, lockError } from './guess-budget.js';
import { passwordThenCode, verifyWithCode } from './verify-with-code.js';
import { openWebSessions } from './web-sessions.js';

/**
 * The Mac App Store of OS X 10.10, on the Mac the stage stands for (issue 19). Buying — here,
 * getting a free app — on a Mac the account does not trust yet asks for the Apple ID password
 * and then a code from a trusted device, as Apple's FAQ says of a new device; once the code was
 * typed on it, the Mac is trusted for that account's purchases and the password alone signs in
 * to the store there again. The control center's "New Mac" gives the Mac a new identity, which
 * no account trusts. Both steps are verify-with-code.ts's, on the account's one failure budget.
 */

const SOURCE = 'app-store';

/** Why this Mac's store session ended (kept with it, and in the activity log). */
export type AppStoreEndReason = 'signed-out' | 'replaced' | 'new-mac' | 'password-changed';

function macTrusted(ctx: ServiceContext, accountId: number, macId: string): boolean {
  return ctx.repos.appStore.trustedAt(accountId, macId) !== null;
}

/** The store as this Mac shows it now (inside a transaction, as that transaction sees it). */
export function appStoreView(ctx: ServiceContext): AppStoreView {
  const mac = ctx.repos.appStore.thisMac();
  const session = ctx.repos.appStore.session(mac.mac_id);
  return {
    signedIn: session ? { appleId: session.apple_id, fullName: session.full_name, since: session.started_at } : null,
    macTrusted: session ? macTrusted(ctx, session.account_id, mac.mac_id) : false,
    purchases: session ? ctx.repos.appStore.purchases(session.account_id).map((p) => ({ appId: p.app_id, purchasedAt: p.purchased_at })) : [],
    installed: ctx.repos.appStore.installed(mac.mac_id),
  };
}

function changed(tx: Tx): void {
  tx.emit({ type: 'places-changed', what: 'app-store' });
}

function endStoreSessions(ctx: ServiceContext, tx: Tx, macId: string, reason: AppStoreEndReason): number {
  const session = ctx.repos.appStore.session(macId);
  if (!session) return 0;
  const ended = ctx.repos.appStore.endSessionsOfMac(macId, reason, tx.now);
  tx.log({ appleId: session.apple_id, source: SOURCE, event: 'session-ended', outcome: 'info', detail: { reason } });
  changed(tx);
  return ended;
}

/** Signs the account in to this Mac's store (whoever was signed in before is signed out). */
function startStoreSession(ctx: ServiceContext, tx: Tx, account: AccountRow): AppStoreView {
  const { mac_id: macId } = ctx.repos.appStore.thisMac();
  endStoreSessions(ctx, tx, macId, 'replaced');
  ctx.repos.appStore.startSession(newId(), account.id, macId, tx.now);
  tx.log({ appleId: account.apple_id, source: SOURCE, event: 'sign-in', outcome: 'success', detail: { macTrusted: macTrusted(ctx, account.id, macId) } });
  changed(tx);
  return appStoreView(ctx);
}

/**
 * "Sign in to download from the App Store": the password; on a Mac this account does not trust,
 * a code follows (the Mac is read in the judging transaction: a "New Mac" meanwhile counts).
 */
export async function signInAppStore(ctx: ServiceContext, appleId: string, password: string): Promise<AppStoreSignInResult> {
  const result = await passwordThenCode(ctx, 'app-store', appleId, password, {
    codeNeeded: (_tx, account) =>
      codeNeededAt('app-store', account.security_level, { macTrusted: macTrusted(ctx, account.id, ctx.repos.appStore.thisMac().mac_id) }),
    signedIn: (tx, account) => startStoreSession(ctx, tx, account),
  });
  return result.status === 'SIGNED_IN' ? { status: 'SIGNED_IN', store: result.value } : result;
}

/** The code, typed on this Mac: the Mac is trusted for the account's purchases, and the store signed in. */
export function completeAppStoreSignIn(ctx: ServiceContext, verificationId: string, code: string): AppStoreView {
  return verifyWithCode(ctx, 'app-store', verificationId, code, (tx, account) => {
    const { mac_id: macId } = ctx.repos.appStore.thisMac();
    if (ctx.repos.appStore.trust(account.id, macId, tx.now)) {
      tx.log({ appleId: account.apple_id, source: SOURCE, event: 'mac-trusted', outcome: 'success' });
    }
    return startStoreSession(ctx, tx, account);
  });
}

/**
 * Get (then Install App): a free app is "bought" and installed on this Mac. It needs a store
 * session on this Mac and, under two-step verification, a Mac the account trusts (a session that
 * began before two-step was turned on does not make it trusted): otherwise the user signs in,
 * with the code. A locked account buys nothing.
 */
export function getApp(ctx: ServiceContext, appId: AppStoreAppId): AppStoreView {
  return transact(ctx, (tx) => {
    const { mac_id: macId } = ctx.repos.appStore.thisMac();
    const session = ctx.repos.appStore.session(macId);
    if (!session) throw tx.refuse(new IdentityError('APP_STORE_SIGN_IN_REQUIRED'));
    const account = ctx.repos.accounts.get(session.account_id);
    if (isLocked(account, tx.now)) throw tx.refuse(lockError(account, tx.now));
    if (codeNeededAt('app-store', account.security_level, { macTrusted: macTrusted(ctx, account.id, macId) })) {
      endStoreSessions(ctx, tx, macId, 'signed-out');
      throw tx.refuse(new IdentityError('APP_STORE_SIGN_IN_REQUIRED'));
    }
    const bought = ctx.repos.appStore.purchase(account.id, appId, tx.now);
    ctx.repos.appStore.install(macId, appId, account.id, tx.now);
    tx.log({ appleId: account.apple_id, source: SOURCE, event: 'app-purchased', outcome: 'success', detail: { app: appId, again: !bought } });
    changed(tx);
    return appStoreView(ctx);
  });
}

/** Store ▸ Sign Out. */
export function signOutAppStore(ctx: ServiceContext): AppStoreView {
  return transact(ctx, (tx) => {
    endStoreSessions(ctx, tx, ctx.repos.appStore.thisMac().mac_id, 'signed-out');
    return appStoreView(ctx);
  });
}

/** Inside the caller's transaction: the account's store sessions end on every Mac (a new password). */
export function endAppStoreSessionsOf(ctx: ServiceContext, tx: Tx, account: Pick<AccountRow, 'id' | 'apple_id'>, reason: AppStoreEndReason): number {
  const ended = ctx.repos.appStore.endSessionsOfAccount(account.id, reason, tx.now);
  if (ended > 0) {
    tx.log({ appleId: account.apple_id, source: SOURCE, event: 'session-ended', outcome: 'info', detail: { reason } });
    changed(tx);
  }
  return ended;
}

/**
 * The control center's "New Mac": the Mac becomes another one, which no account trusts for
 * purchases; its store is signed out. The old Mac's trust stays with it (as Apple keeps a
 * device's), but that Mac is gone from the stage.
 */
export function newMac(ctx: ServiceContext, tx: Tx): number {
  const old = ctx.repos.appStore.thisMac();
  const signedOut = endStoreSessions(ctx, tx, old.mac_id, 'new-mac');
  ctx.repos.appStore.replaceMac(newId(), tx.now);
  changed(tx);
  return signedOut;
}

/** What the control center shows of the places: browser sessions, and this Mac's store. */
export function placesView(ctx: ServiceContext): PlacesView {
  const mac = ctx.repos.appStore.thisMac();
  const session = ctx.repos.appStore.session(mac.mac_id);
  return {
    webSessions: openWebSessions(ctx),
    appStore: {
      macSince: mac.since,
      signedIn: session ? { appleId: session.apple_id, since: session.started_at } : null,
      trustedFor: ctx.repos.appStore.trustedFor(mac.mac_id).map((t) => ({ appleId: t.apple_id, since: t.trusted_at })),
    },
  };
}
