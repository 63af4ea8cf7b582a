import type { CodeSent } from '../../../preload/contract/account-site-types.js';
import type { CodePlace } from '../policy/place-rules.js';
import type { AccountRow } from '../store/accounts-repo.js';
import { transact, type ServiceContext, type Tx } from './context.js';
import { judgeSignIn } from './credentials.js';
import { clearFailures } from './guess-budget.js';
import { acceptCode, openVerification, sendCode, startVerification, type VerificationChallenge } from './verification.js';

/**
 * "Verify your identity": the one two-step sign-in of every place that asks for the Apple ID
 * password and then a code from a trusted device — My Apple ID and iCloud.com (through
 * web-sign-in.ts), the App Store on a Mac it does not trust yet, and Apple ID support. Each place
 * supplies only whether a code is needed and what signing in gives; the rules are the service's
 * own and the same everywhere:
 * - the password is judged on the account's one failure budget (judgeSignIn: admitted and
 *   reserved before the slow hash, counted when wrong; an unknown Apple ID costs a decoy hash on
 *   the shared allowance and answers as a wrong password);
 * - the code is a verification of this place only (one use, 10 minutes, 5 tries, a wrong one a
 *   failed guess at the account; sent no more often than the send limits allow), its length
 *   `codeLengthFor(level)`;
 * - an app-specific password is judged as a password, as at My Apple ID: it never signs in here.
 * A right password does not start the failure count again when a code follows: only the code
 * does, or guessing codes after one right password would never lock.
 */

export type PasswordStepResult<T> = { status: 'SIGNED_IN'; value: T } | ({ status: 'VERIFICATION_REQUIRED' } & VerificationChallenge);

export interface PlaceSignIn<T> {
  /** In the judging transaction, with the account as it is now: whether the code step follows. */
  codeNeeded(tx: Tx, account: AccountRow): boolean;
  /** In the same transaction: what signing in gives (a session, a trusted Mac). */
  signedIn(tx: Tx, account: AccountRow): T;
}

/** Step one: the password; then either signed in, or a verification of `place` waiting for its code. */
export function passwordThenCode<T>(ctx: ServiceContext, place: CodePlace, appleId: string, password: string, sign: PlaceSignIn<T>): Promise<PasswordStepResult<T>> {
  return judgeSignIn(ctx, appleId, password, place, (tx, account): PasswordStepResult<T> => {
    if (!sign.codeNeeded(tx, account)) {
      clearFailures(ctx, tx, account, place);
      return { status: 'SIGNED_IN', value: sign.signedIn(tx, account) };
    }
    tx.log({ appleId: account.apple_id, source: place, event: 'verification-required', outcome: 'info' });
    return { status: 'VERIFICATION_REQUIRED', ...startVerification(ctx, tx, account, place) };
  });
}

/** A code for a verification of `place`, to a trusted device of its account. */
export function sendCodeFor(ctx: ServiceContext, place: CodePlace, verificationId: string, deviceId: number): CodeSent {
  return sendCode(ctx, verificationId, deviceId, [place]);
}

/**
 * Step two: the code of a verification of `place` (never of another place's); when it is right
 * the verification is used up, the failure count starts again, and `signedIn` runs in the same
 * transaction — so a code is never accepted without its place's sign-in, nor the sign-in without it.
 */
export function verifyWithCode<T>(ctx: ServiceContext, place: CodePlace, verificationId: string, code: string, signedIn: (tx: Tx, account: AccountRow) => T): T {
  return transact(ctx, (tx) => {
    const verification = openVerification(ctx, tx, verificationId, [place]);
    acceptCode(ctx, tx, verification, code, place);
    return signedIn(tx, ctx.repos.accounts.get(verification.account_id));
  });
}
