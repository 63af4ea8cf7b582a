import type { ClientSignInResult } from '../../../preload/contract/app-contract.js';
import type { CodeSent } from '../../../preload/contract/account-site-types.js';
import type { ClientKind, ClientSessionView } from '../../../preload/contract/models.js';
import type { ErrorCode } from '../../../preload/contract/error-codes.js';
import { IdentityError } from '../identity-error.js';
import { requirementFor, type AppContext, type Requirement } from '../policy/client-rules.js';
import type { AccountRow } from '../store/accounts-repo.js';
import type { VerificationRow } from '../store/verifications-repo.js';
import { Refusal, transact, type ServiceContext, type Tx } from './context.js';
import { recordFailure } from './guess-budget.js';
import { acceptCode, nextCodeAllowedAt, openVerification, sendCode, sendCodeToDevice, startVerification } from './verification.js';

/**
 * Messages and FaceTime under two-factor authentication (issue 19 part B), by the Mac's OS:
 * - OS X 10.11 or later: a right password sends a 6-digit code to a trusted device at once and
 *   the app asks for it in a sheet of its own ("Didn't get a code?" sends another); the code is a
 *   verification of that app only, on the account's one failure budget.
 * - OS X 10.10 knows nothing of codes: a right password alone is refused (a code is sent then),
 *   and the user types the password with the code straight after it. Both halves are judged; a
 *   wrong entry counts once, whichever half was wrong, and the app says only that it was wrong.
 */

export type ClientKindWithCode = Extract<ClientKind, 'messages' | 'facetime'>;

/** Where the code of a two-factor sign-in goes first: a trusted Apple device, else the phone (SMS). */
function firstTrustedDevice(ctx: ServiceContext, tx: Tx, accountId: number): number {
  const devices = ctx.repos.devices.forAccount(accountId);
  const device = devices.find((d) => d.kind !== 'phone') ?? devices[0];
  if (!device) throw tx.refuse(new IdentityError('TRUSTED_DEVICE_NOT_FOUND'));
  return device.id;
}

/** OS X 10.11 or later: after the right password, the code is sent and the app asks for it. */
export function askCodeInApp(ctx: ServiceContext, tx: Tx, account: AccountRow, clientKind: ClientKindWithCode): ClientSignInResult {
  tx.log({ appleId: account.apple_id, source: clientKind, event: 'verification-required', outcome: 'info', detail: { how: 'code-in-app' } });
  const challenge = startVerification(ctx, tx, account, clientKind);
  const verification = ctx.repos.verifications.get(challenge.verificationId)!;
  const codeSent = sendCodeToDevice(ctx, tx, verification, firstTrustedDevice(ctx, tx, account.id));
  return { status: 'CODE_REQUIRED', ...challenge, codeSent };
}

/** "Didn't get a code?": another code for the app's verification, to a trusted device of the user's choice. */
export function resendAppCode(ctx: ServiceContext, clientKind: ClientKindWithCode, verificationId: string, deviceId: number): CodeSent {
  return sendCode(ctx, verificationId, deviceId, [clientKind]);
}

/** The code typed in the app: the verification is used up and the app signed in, in one transaction. */
export function completeAppCodeSignIn(
  ctx: ServiceContext,
  clientKind: ClientKindWithCode,
  verificationId: string,
  code: string,
  startSession: (tx: Tx, accountId: number) => ClientSessionView,
): ClientSessionView {
  return transact(ctx, (tx) => {
    const verification = openVerification(ctx, tx, verificationId, [clientKind]);
    acceptCode(ctx, tx, verification, code, clientKind);
    return startSession(tx, verification.account_id);
  });
}

/**
 * OS X 10.10, the password alone right: refused, and a code sent for appending — unless one was
 * sent a moment ago (it still stands: the user may type the password again before reading it).
 */
export function askPasswordWithCode(ctx: ServiceContext, tx: Tx, account: AccountRow, clientKind: ClientKindWithCode): ClientSignInResult {
  tx.log({ appleId: account.apple_id, source: clientKind, event: 'verification-required', outcome: 'info', detail: { how: 'password-with-code' } });
  const live = ctx.repos.verifications.latestLive(account.id, clientKind, tx.now);
  const verification = live ?? ctx.repos.verifications.get(startVerification(ctx, tx, account, clientKind).verificationId)!;
  if (nextCodeAllowedAt(ctx, verification, tx.now) === null) sendCodeToDevice(ctx, tx, verification, firstTrustedDevice(ctx, tx, account.id));
  return { status: 'PASSWORD_WITH_CODE_REQUIRED', codeLength: 6 };
}

/** A typed value split into the password and the 6-digit code after it, with the code's verification. */
export interface AppendedCode {
  password: string;
  code: string;
  verificationId: string;
}

const APPENDED = /^([\s\S]+?)(\d{6})$/;

/**
 * Before anything is hashed: whether `typed` is judged as a password with a code appended. Only
 * where the app wants one (two-factor, OS X 10.10) and a code is out for this app: otherwise the
 * whole value is the password, so a password that ends in digits still signs in on its own.
 * Read again in the judging transaction (finishPasswordWithCode).
 */
export function appendedCodeIn(ctx: ServiceContext, clientKind: ClientKind, appleId: string, typed: string, context: AppContext): AppendedCode | null {
  if (clientKind !== 'messages' && clientKind !== 'facetime') return null;
  const parts = APPENDED.exec(typed);
  if (!parts) return null;
  const account = ctx.repos.accounts.findByAppleId(appleId);
  if (!account || requirementFor(clientKind, account.security_level, context) !== 'password-with-code') return null;
  const live = ctx.repos.verifications.latestLive(account.id, clientKind, ctx.clock.now());
  if (!live || live.code_hash === null) return null;
  return { password: parts[1]!, code: parts[2]!, verificationId: live.id };
}

/** What the old Mac says of any wrong entry: it cannot tell a wrong code from a wrong password. */
const WRONG_ENTRY = new Set<ErrorCode>(['CODE_INCORRECT', 'CODE_ATTEMPTS_EXCEEDED']);

function codeStillOut(verification: VerificationRow | undefined, accountId: number, now: number): verification is VerificationRow {
  return (
    verification !== undefined &&
    verification.account_id === accountId &&
    verification.completed_at === null &&
    verification.expires_at > now &&
    verification.code_hash !== null &&
    verification.code_expires_at !== null &&
    verification.code_expires_at > now
  );
}

/**
 * In the judging transaction, the password half right: the code half is judged against the
 * verification as it is now. A code used meanwhile (a parallel entry signed in with it), expired
 * or replaced counts as the wrong entry it now is — once, as it would have come one by one.
 */
export function finishPasswordWithCode(
  ctx: ServiceContext,
  tx: Tx,
  account: AccountRow,
  clientKind: ClientKindWithCode,
  requirement: Requirement,
  appended: AppendedCode,
  startSession: (tx: Tx, accountId: number) => ClientSessionView,
): ClientSignInResult {
  const verification = ctx.repos.verifications.get(appended.verificationId);
  if (requirement !== 'password-with-code' || !codeStillOut(verification, account.id, tx.now) || verification.purpose !== clientKind) {
    throw tx.refuse(recordFailure(ctx, tx, account.id, clientKind, 'sign-in-refused') ?? new IdentityError('INCORRECT'));
  }
  try {
    acceptCode(ctx, tx, verification, appended.code, clientKind);
  } catch (thrown) {
    // The wrong code was counted and logged by judgeCode; the old Mac only says "incorrect".
    if (thrown instanceof Refusal && WRONG_ENTRY.has(thrown.error.code)) throw tx.refuse(new IdentityError('INCORRECT'));
    throw thrown;
  }
  return { status: 'SIGNED_IN', session: startSession(tx, account.id) };
}
