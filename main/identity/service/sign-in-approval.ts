import type { SignInDecision } from '../../../preload/contract/account-site-types.js';
import { IdentityError } from '../identity-error.js';
import { VERIFICATION_PURPOSES, type VerificationPurpose } from '../store/verifications-repo.js';
import { transact, type ServiceContext } from './context.js';
import { issueCode, maskDeviceName, openVerification } from './verification.js';

/** Every purpose a sign-in request can be for: the answer is the iPhone's, whichever place asked. */
const ANY_PURPOSE: VerificationPurpose[] = [...VERIFICATION_PURPOSES];

/** The longest the asking page's one wait for the answer lasts; it asks again after it. */
export const DECISION_WAIT_MS = 25_000;

/**
 * Allow / Don't Allow on the trusted iPhone (two-factor authentication, support.apple.com 102660).
 *
 * - Allow: the iPhone shows a new code, valid for its ten minutes from now; typing it is the
 *   second step as always (one use, five tries, each wrong one a failed guess at the account).
 * - Don't Allow: the sign-in attempt ends — its code gone, no further sends, and every place that
 *   asks about it hears SIGN_IN_DENIED. It is the account holder's answer, not a guess: nothing of
 *   the failure budget is spent.
 *
 * One request is answered once: the check that it is still pending and the answer are one
 * synchronous transaction, so of two answers (the same twice, or both at once) the first decides
 * and the others are refused with SIGN_IN_REQUEST_NOT_FOUND. A request the verification no longer
 * waits for (expired, replaced by a newer one, completed, the account locked) cannot be answered.
 */
export function answerSignInRequest(ctx: ServiceContext, requestId: string, allow: boolean): { decision: 'allowed' | 'denied' } {
  return transact(ctx, (tx) => {
    const request = ctx.inbox.pendingRequest(requestId);
    if (!request) throw tx.refuse(new IdentityError('SIGN_IN_REQUEST_NOT_FOUND'));
    const verification = openVerification(ctx, tx, request.verificationId, ANY_PURPOSE);
    const account = ctx.repos.accounts.get(verification.account_id);
    const { notification } = request;
    const source = maskDeviceName({ kind: notification.deviceKind, name: notification.deviceName });
    if (allow) {
      tx.log({ appleId: account.apple_id, source, event: 'sign-in-allowed', outcome: 'success', detail: { for: verification.purpose } });
      issueCode(ctx, tx, verification, account, { deviceId: notification.deviceId, kind: notification.deviceKind, name: notification.deviceName });
    } else {
      ctx.repos.verifications.deny(verification.id, tx.now);
      tx.log({ appleId: account.apple_id, source, event: 'sign-in-denied', outcome: 'info', detail: { for: verification.purpose } });
    }
    const answered = ctx.inbox.decide(requestId, allow ? 'allowed' : 'denied');
    if (answered) tx.emit({ type: 'code-delivered', notification: answered });
    return { decision: allow ? 'allowed' : 'denied' };
  });
}

/**
 * The asking page waits here for the iPhone's answer to its verification's newest request:
 * 'allowed' (the code is on the iPhone), 'pending' after `waitMs` (ask again), or SIGN_IN_DENIED
 * at once when Don't Allow ended the attempt. Only the places' own verifications are asked
 * about, and only by the verification's id, which only the asking page holds. `signal` is the
 * asking request's: when the page goes away (closed, reloaded, offline), its wait goes too.
 */
export async function awaitSignInDecision(
  ctx: ServiceContext,
  purposes: VerificationPurpose[],
  verificationId: string,
  { waitMs = DECISION_WAIT_MS, signal }: { waitMs?: number; signal?: AbortSignal } = {},
): Promise<SignInDecision> {
  const check = () => transact(ctx, (tx) => void openVerification(ctx, tx, verificationId, purposes));
  check();
  const decision = await ctx.inbox.decision(verificationId, waitMs, signal);
  // Denied (or ended meanwhile): the verification says so, with the same error every place shows.
  check();
  return { decision: decision === 'allowed' ? 'allowed' : 'pending' };
}
