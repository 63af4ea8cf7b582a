import type { SupportCaseView, SupportTopic, SupportView } from '../../../preload/contract/places-types.js';
import { codeNeededAt } from '../policy/place-rules.js';
import type { AccountRow } from '../store/accounts-repo.js';
import { accountView } from './account-site.js';
import { transact, type ServiceContext } from './context.js';
import { passwordThenCode, verifyWithCode, type PasswordStepResult } from './verify-with-code.js';
import { openWebSession, webSessionAccount } from './web-sessions.js';

/**
 * Apple ID support (issue 19): before it talks about an account protected by two-step
 * verification, the user proves who they are — the Apple ID password, then a code from a trusted
 * device (verify-with-code.ts, on the account's one failure budget). Only then does the page have
 * a session, and only through it are the account's details and the case form reachable.
 */

const PLACE = 'support';

export function signInSupport(ctx: ServiceContext, appleId: string, password: string): Promise<PasswordStepResult<string>> {
  return passwordThenCode(ctx, PLACE, appleId, password, {
    codeNeeded: (_tx, account) => codeNeededAt(PLACE, account.security_level),
    signedIn: (tx, account) => openWebSession(ctx, tx, PLACE, account, false),
  });
}

export function completeSupportSignIn(ctx: ServiceContext, verificationId: string, code: string): string {
  return verifyWithCode(ctx, PLACE, verificationId, code, (tx, account) => openWebSession(ctx, tx, PLACE, account, false));
}

function view(ctx: ServiceContext, account: AccountRow): SupportView {
  return { account: accountView(ctx, account), cases: ctx.repos.supportCases.forAccount(account.id) };
}

/** What support may discuss with the verified user: the account, and their cases. */
export function supportView(ctx: ServiceContext, token: string): SupportView {
  return transact(ctx, (tx) => view(ctx, webSessionAccount(ctx, tx, PLACE, token).account));
}

/** The case form, which exists only behind a verified session. */
export function openSupportCase(ctx: ServiceContext, token: string, topic: SupportTopic, description: string): SupportCaseView {
  return transact(ctx, (tx) => {
    const { account } = webSessionAccount(ctx, tx, PLACE, token);
    const opened = ctx.repos.supportCases.open(account.id, topic, description, tx.now);
    // The topic and the number only: what the user wrote stays with the case.
    tx.log({ appleId: account.apple_id, source: PLACE, event: 'support-case-opened', outcome: 'success', detail: { topic, case: opened.number } });
    return opened;
  });
}
