import type { ClientSignInResult } from '../../../preload/contract/app-contract.js';
import type { ClientKind, ClientSessionView, SessionEndReason } from '../../../preload/contract/models.js';
import { id as newId } from '../crypto/secrets.js';
import { IdentityError } from '../identity-error.js';
import { prefillLabelFor, requirementFor, type AppContext } from '../policy/client-rules.js';
import { transact, type ServiceContext, type Tx } from './context.js';
import { acceptAppPassword, checkAppPassword, judgeSignIn, type FoundAppPassword } from './credentials.js';
import { clearFailures } from './guess-budget.js';
import { refuseRevokedAppPassword } from './revoked-app-passwords.js';
import { appendedCodeIn, askCodeInApp, askPasswordWithCode, finishPasswordWithCode } from './two-factor-apps.js';
import { acceptCode, openVerification, startVerification } from './verification.js';

/**
 * Signs a simulated app in, by the rules of SPEC §3 for that app, the account's protection and
 * (under two-factor authentication) the Mac's OS version: two-factor-apps.ts.
 */
export async function signInClient(
  ctx: ServiceContext,
  clientKind: ClientKind,
  appleId: string,
  password: string,
  mac: AppContext = {},
): Promise<ClientSignInResult> {
  const found = checkAppPassword(ctx, appleId, password, clientKind);
  if (found) return signInWithAppPassword(ctx, clientKind, found);
  refuseRevokedAppPassword(ctx, appleId, password, clientKind, clientKind);
  const appended = appendedCodeIn(ctx, clientKind, appleId, password, mac);
  return judgeSignIn(ctx, appleId, appended?.password ?? password, clientKind, (tx, account): ClientSignInResult => {
    const requirement = requirementFor(clientKind, account.security_level, mac);
    const session = (sessionTx: Tx, accountId: number) => startClientSession(ctx, sessionTx, accountId, clientKind, null);
    if (appended && (clientKind === 'messages' || clientKind === 'facetime')) {
      return finishPasswordWithCode(ctx, tx, account, clientKind, requirement, appended, session);
    }
    if (requirement === 'code-in-app' && (clientKind === 'messages' || clientKind === 'facetime')) return askCodeInApp(ctx, tx, account, clientKind);
    if (requirement === 'password-with-code' && (clientKind === 'messages' || clientKind === 'facetime')) {
      return askPasswordWithCode(ctx, tx, account, clientKind);
    }
    if (requirement === 'password') {
      clearFailures(ctx, tx, account, clientKind);
      return { status: 'SIGNED_IN', session: startClientSession(ctx, tx, account.id, clientKind, null) };
    }
    // A right password that still needs a code (or an app-specific password) does not start
    // the failure count again: only a completed sign-in does, or code guessing would never lock.
    if (requirement === 'app-password') {
      tx.log({ appleId, source: clientKind, event: 'app-password-required', outcome: 'failure' });
      const prefillLabel = prefillLabelFor(clientKind);
      return { status: 'APP_SPECIFIC_PASSWORD_REQUIRED', prefillLabel, createShortcut: prefillLabel !== null };
    }
    tx.log({ appleId, source: clientKind, event: 'verification-required', outcome: 'info' });
    return { status: 'VERIFICATION_REQUIRED', ...startVerification(ctx, tx, account, 'icloud') };
  });
}

/** An active app-specific password signs the app in, unless the account is locked now. */
function signInWithAppPassword(ctx: ServiceContext, clientKind: ClientKind, found: FoundAppPassword): ClientSignInResult {
  return transact(ctx, (tx): ClientSignInResult => {
    const account = acceptAppPassword(ctx, tx, found, clientKind, clientKind);
    tx.log({ appleId: account.apple_id, source: clientKind, event: 'app-password-used', outcome: 'success', detail: { label: found.appPassword.label } });
    return { status: 'SIGNED_IN', session: startClientSession(ctx, tx, account.id, clientKind, found.appPassword.id) };
  });
}

/** iCloud on a new Mac: the code from the trusted device finishes the sign-in. */
export function completeICloudSignIn(ctx: ServiceContext, verificationId: string, code: string): ClientSessionView {
  return transact(ctx, (tx) => {
    const verification = openVerification(ctx, tx, verificationId, ['icloud']);
    acceptCode(ctx, tx, verification, code, 'icloud');
    return startClientSession(ctx, tx, verification.account_id, 'icloud', null);
  });
}

export function startClientSession(ctx: ServiceContext, tx: Tx, accountId: number, clientKind: ClientKind, appPasswordId: number | null) {
  endClientSessions(ctx, tx, { by: 'client', value: clientKind }, 'replaced');
  const sessionId = newId();
  ctx.repos.clientSessions.insert(sessionId, accountId, clientKind, appPasswordId, tx.now);
  const session = ctx.repos.clientSessions.byId(sessionId)!;
  tx.log({
    appleId: session.appleId,
    source: clientKind,
    event: 'sign-in',
    outcome: 'success',
    detail: { with: session.appPasswordLabel === null ? 'password' : 'app-specific-password', label: session.appPasswordLabel },
  });
  tx.emit({ type: 'client-session-started', session });
  return session;
}

/** Ends sessions and tells every subscriber at once (the app's window shows it is signed out). */
export function endClientSessions(
  ctx: ServiceContext,
  tx: Tx,
  which: Parameters<ServiceContext['repos']['clientSessions']['end']>[0],
  reason: SessionEndReason,
): number {
  const ended = ctx.repos.clientSessions.end(which, reason, tx.now);
  for (const session of ended) {
    // 'unexpected' is logged as what it was, though the app itself shows no cause.
    tx.log({ appleId: session.appleId, source: session.clientKind, event: 'session-ended', outcome: 'info', detail: { reason } });
    tx.emit({ type: 'client-session-ended', ...session, reason });
  }
  return ended.length;
}

export function signOutClient(ctx: ServiceContext, clientKind: ClientKind, reason: SessionEndReason = 'signed-out'): void {
  transact(ctx, (tx) => {
    if (endClientSessions(ctx, tx, { by: 'client', value: clientKind }, reason) === 0) {
      throw tx.refuse(new IdentityError('CLIENT_NOT_SIGNED_IN'));
    }
  });
}
