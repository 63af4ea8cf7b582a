import { codeNeededAt } from '../policy/place-rules.js';
import type { AccountRow } from '../store/accounts-repo.js';
import { openSiteSession } from './account-site.js';
import { browserTrusted, offerTrust } from './trusted-browsers.js';
import type { ServiceContext, Tx } from './context.js';
import type { VerificationChallenge } from './verification.js';
import { passwordThenCode, verifyWithCode } from './verify-with-code.js';
import { openWebSession } from './web-sessions.js';

/** The places a browser signs in to with the Apple ID: My Apple ID, and iCloud.com. */
export type WebPlace = 'account-site' | 'icloud-web';

export interface WebSignInOptions {
  /** iCloud.com's "Keep me signed in" (My Apple ID has none: it asks for a code every time). */
  keepSignedIn: boolean;
  /**
   * The trust tokens this browser sent ("Trust this browser?", two-factor authentication): one
   * that trusts it for the account here skips the code. Never the password.
   */
  trustTokens?: readonly string[];
}

export type WebSignInResult = { status: 'SIGNED_IN'; token: string } | ({ status: 'VERIFICATION_REQUIRED' } & VerificationChallenge);

/** A sign-in completed with its code; under two-factor authentication the page then asks "Trust this browser?". */
export interface WebSignInCompleted {
  token: string;
  askTrust: boolean;
}

const NO_OPTIONS: WebSignInOptions = { keepSignedIn: false };

/**
 * The one sign-in of the web places, My Apple ID and iCloud.com: the password, then — under
 * two-step verification — a code from a trusted device, every time, whatever the browser
 * (codeNeededAt). Both steps are verify-with-code.ts's, on the account's one failure budget; what
 * differs is only the session each opens: My Apple ID's (15 idle minutes) or iCloud.com's (30
 * days with "Keep me signed in"). The seed's remark — My Apple ID wants a code every time while
 * iCloud.com can keep you signed in — is these two sessions side by side.
 */
export async function webSignIn(ctx: ServiceContext, place: WebPlace, appleId: string, password: string, options: WebSignInOptions = NO_OPTIONS): Promise<WebSignInResult> {
  const result = await passwordThenCode(ctx, place, appleId, password, {
    codeNeeded: (tx, account) =>
      codeNeededAt(place, account.security_level, { browserTrusted: browserTrusted(ctx, tx, place, account, options.trustTokens ?? []) }),
    signedIn: (tx, account) => openSession(ctx, tx, place, account, options),
  });
  return result.status === 'SIGNED_IN' ? { status: 'SIGNED_IN', token: result.value } : result;
}

/**
 * The code of a web sign-in of `place`: the session opens in the transaction that accepts it,
 * and — under two-factor authentication — so does the question "Trust this browser?", bound to
 * that session.
 */
export function completeWebSignIn(ctx: ServiceContext, place: WebPlace, verificationId: string, code: string, options: WebSignInOptions = NO_OPTIONS): WebSignInCompleted {
  return verifyWithCode(ctx, place, verificationId, code, (tx, account) => {
    const token = openSession(ctx, tx, place, account, options);
    return { token, askTrust: offerTrust(ctx, tx, place, account, verificationId, token) };
  });
}

function openSession(ctx: ServiceContext, tx: Tx, place: WebPlace, account: AccountRow, options: WebSignInOptions): string {
  return place === 'account-site' ? openSiteSession(ctx, tx, account) : openWebSession(ctx, tx, place, account, options.keepSignedIn);
}
