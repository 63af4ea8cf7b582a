import type { SecurityLevel } from '../../../preload/contract/models.js';
import type { MailProtocol } from '../policy/client-rules.js';
import { requirementFor } from '../policy/client-rules.js';
import { transact, type ServiceContext } from './context.js';
import { acceptAppPassword, checkAppPassword, judgeSignIn, type FoundAppPassword } from './credentials.js';
import { clearFailures } from './guess-budget.js';
import { refuseRevokedAppPassword } from './revoked-app-passwords.js';

/**
 * What a mail server holds for a signed-in IMAP or SMTP session: whose account, and which
 * credential opened it (an app-specific password's id, or null for the account's password under
 * security level none), so a revocation can end exactly those sessions.
 */
export interface MailGrant {
  accountId: number;
  appleId: string;
  appPasswordId: number | null;
  /** The label of the app-specific password, for the activity log and the control center. */
  label: string | null;
}

/**
 * `level`, with APP_SPECIFIC_PASSWORD_REQUIRED: how the account is protected, so the server can
 * say it in the words its provider used in that era (two-step verification, or two-factor
 * authentication).
 */
export type MailSignInResult =
  | { status: 'SIGNED_IN'; grant: MailGrant }
  | { status: 'APP_SPECIFIC_PASSWORD_REQUIRED'; level: Exclude<SecurityLevel, 'none'> };

/** "Used by" in View History: the client's IMAP ID name when it said one, else the protocol. */
export function usedByName(protocol: MailProtocol, clientName: string | null): string {
  return clientName ?? protocol.toUpperCase();
}

/**
 * Signs a real mail client in over IMAP or SMTP, by the same rules and the same failure budget
 * as every other sign-in (SPEC §3): an active app-specific password takes the keyed-hash fast
 * path; anything else is judged as the account's password (reserved before the slow hash,
 * counted when wrong). A right password on an account under two-step or two-factor is refused
 * with APP_SPECIFIC_PASSWORD_REQUIRED, and — as at Messages — not counted: it was no guess, and
 * a mail client that retries its saved password every few minutes would otherwise lock the
 * account; nor is an app-specific password revoked since (refuseRevokedAppPassword). Refusals
 * are IdentityErrors (INCORRECT, LOCKED, HARD_LOCKED, ACCOUNT_DISABLED, TRY_AGAIN); the server
 * turns each into its profile's answer.
 */
export async function signInMail(
  ctx: ServiceContext,
  protocol: MailProtocol,
  appleId: string,
  password: string,
  clientName: string | null,
): Promise<MailSignInResult> {
  const found = checkAppPassword(ctx, appleId, password, protocol);
  if (found) return signInWithAppPassword(ctx, protocol, found, clientName);
  refuseRevokedAppPassword(ctx, appleId, password, protocol, usedByName(protocol, clientName));
  return judgeSignIn(ctx, appleId, password, protocol, (tx, account): MailSignInResult => {
    const level = account.security_level;
    if (level === 'none' || requirementFor(protocol, level) === 'password') {
      clearFailures(ctx, tx, account, protocol);
      tx.log({ appleId: account.apple_id, source: protocol, event: 'sign-in', outcome: 'success', detail: { with: 'password', client: clientName } });
      return { status: 'SIGNED_IN', grant: { accountId: account.id, appleId: account.apple_id, appPasswordId: null, label: null } };
    }
    tx.log({ appleId: account.apple_id, source: protocol, event: 'app-password-required', outcome: 'failure', detail: { client: clientName } });
    return { status: 'APP_SPECIFIC_PASSWORD_REQUIRED', level };
  });
}

/** An active app-specific password signs the client in, unless the account is locked now. */
function signInWithAppPassword(ctx: ServiceContext, protocol: MailProtocol, found: FoundAppPassword, clientName: string | null): MailSignInResult {
  return transact(ctx, (tx): MailSignInResult => {
    const account = acceptAppPassword(ctx, tx, found, protocol, usedByName(protocol, clientName));
    const label = found.appPassword.label;
    tx.log({ appleId: account.apple_id, source: protocol, event: 'app-password-used', outcome: 'success', detail: { label, client: clientName } });
    tx.log({ appleId: account.apple_id, source: protocol, event: 'sign-in', outcome: 'success', detail: { with: 'app-specific-password', label, client: clientName } });
    return { status: 'SIGNED_IN', grant: { accountId: account.id, appleId: account.apple_id, appPasswordId: found.appPassword.id, label } };
  });
}

/**
 * A client that names itself (IMAP ID) after signing in: View History's "used by" shows that
 * name. Only for the grant's own, still active app-specific password.
 */
export function recordMailClientName(ctx: ServiceContext, grant: MailGrant, clientName: string): void {
  if (grant.appPasswordId === null) return;
  const appPasswordId = grant.appPasswordId;
  transact(ctx, (tx) => {
    const current = ctx.repos.appPasswords.get(grant.accountId, appPasswordId);
    if (current && current.revokedAt === null) ctx.repos.appPasswords.markUsed(appPasswordId, usedByName('imap', clientName), tx.now);
  });
}

/** An SMTP recipient: the local account with this Apple ID, if there is one. */
export function findMailAccount(ctx: ServiceContext, appleId: string): { accountId: number; appleId: string } | null {
  const account = ctx.repos.accounts.findByAppleId(appleId);
  return account ? { accountId: account.id, appleId: account.apple_id } : null;
}
