import type { AccountRecoveryView, CodeSent, PasswordChanged } from '../../../preload/contract/account-site-types.js';
import { DAY } from '../clock.js';
import { id as newId } from '../crypto/secrets.js';
import { IdentityError } from '../identity-error.js';
import type { AccountRecoveryRow } from '../store/account-recoveries-repo.js';
import { setPassword } from './account-settings.js';
import { transact, transactSigningOut, type ServiceContext, type Tx } from './context.js';
import { acceptCode, judgeCode, maskDeviceName, openVerification, sendCodeToDevice, startVerification } from './verification.js';

const SOURCE = 'account-site';

/**
 * How long a request waits before the account can be recovered. Apple names no fixed length ("a
 * few days or longer", Apple's article HT204921); TwoStep's is 3 days, which a presenter shows
 * passing with the presenter clock's Skip 1 Day, and tests with the test clock.
 */
export const RECOVERY_WAIT_MS = 3 * DAY;

/**
 * Account recovery under two-factor authentication, which has no recovery key: a user who cannot
 * sign in (no trusted device at hand) asks at My Apple ID's "forgot" path with the Apple ID and
 * a trusted phone number. The request waits RECOVERY_WAIT_MS, shown with its dates; then a code
 * goes to that number and, typed with a new password, recovers the account. Any completed
 * sign-in with the account meanwhile cancels the request (guess-budget.ts clearFailures): the
 * owner still has a way in, and whoever asked may not be the owner. The request's id is what the
 * page keeps; it opens nothing without the code sent to the trusted number, which is judged on
 * the account's one failure budget like every code.
 */

function digits(phone: string): string {
  return phone.replace(/\D/g, '');
}

function view(ctx: ServiceContext, row: AccountRecoveryRow, now: number): AccountRecoveryView {
  const phone = ctx.repos.devices.find(row.account_id, row.phone_device_id);
  const state = row.completed_at !== null ? 'completed' : row.cancelled_at !== null ? 'cancelled' : row.ready_at <= now ? 'ready' : 'waiting';
  return {
    recoveryId: row.id,
    state,
    requestedAt: row.requested_at,
    readyAt: row.ready_at,
    // The user is told by text message at the trusted number when the waiting period ends.
    contactAt: row.ready_at,
    phone: phone ? maskDeviceName(phone) : '',
  };
}

/** "Request account recovery": refused alike for an unknown Apple ID, another level, or a number that is not trusted. */
export function requestAccountRecovery(ctx: ServiceContext, appleId: string, phoneNumber: string): AccountRecoveryView {
  return transact(ctx, (tx) => {
    const account = ctx.repos.accounts.findByAppleId(appleId);
    const phone = account ? ctx.repos.devices.forAccount(account.id).find((d) => d.kind === 'phone' && digits(d.name) === digits(phoneNumber)) : undefined;
    if (!account || account.security_level !== 'two-factor' || !phone) {
      tx.log({ appleId, source: SOURCE, event: 'account-recovery-requested', outcome: 'failure' });
      throw tx.refuse(new IdentityError('RECOVERY_NOT_POSSIBLE'));
    }
    // A second request does not start the wait again.
    const pending = ctx.repos.accountRecoveries.pending(account.id);
    if (pending) return view(ctx, pending, tx.now);
    const id = newId();
    ctx.repos.accountRecoveries.insert(id, account.id, phone.id, tx.now, tx.now + RECOVERY_WAIT_MS);
    tx.log({ appleId: account.apple_id, source: SOURCE, event: 'account-recovery-requested', outcome: 'info', detail: { readyAt: tx.now + RECOVERY_WAIT_MS } });
    return view(ctx, ctx.repos.accountRecoveries.get(id)!, tx.now);
  });
}

/** The request as it stands now (its page shows it; a reload finds it by its id). */
export function accountRecoveryStatus(ctx: ServiceContext, recoveryId: string): AccountRecoveryView {
  const row = ctx.repos.accountRecoveries.get(recoveryId);
  if (!row) throw new IdentityError('RECOVERY_NOT_FOUND');
  return view(ctx, row, ctx.clock.now());
}

/** Inside a transaction: the request, only once its waiting period is over and while it stands. */
function readyRecovery(ctx: ServiceContext, tx: Tx, recoveryId: string): AccountRecoveryRow {
  const row = ctx.repos.accountRecoveries.get(recoveryId);
  if (!row || row.completed_at !== null) throw tx.refuse(new IdentityError('RECOVERY_NOT_FOUND'));
  if (row.cancelled_at !== null) throw tx.refuse(new IdentityError('RECOVERY_CANCELLED'));
  if (row.ready_at > tx.now) throw tx.refuse(new IdentityError('RECOVERY_NOT_READY', { at: row.ready_at }));
  return row;
}

/** After the wait: a code to the trusted phone number of the request (again: "Send again"). */
export function sendRecoveryCode(ctx: ServiceContext, recoveryId: string): CodeSent {
  return transact(ctx, (tx) => {
    const row = readyRecovery(ctx, tx, recoveryId);
    const live = row.verification_id ? ctx.repos.verifications.get(row.verification_id) : undefined;
    let verification = live && live.completed_at === null && live.expires_at > tx.now ? live : undefined;
    if (!verification) {
      const account = ctx.repos.accounts.get(row.account_id);
      const started = startVerification(ctx, tx, account, 'unlock');
      ctx.repos.accountRecoveries.setVerification(row.id, started.verificationId);
      verification = ctx.repos.verifications.get(started.verificationId)!;
    }
    return sendCodeToDevice(ctx, tx, openVerification(ctx, tx, verification.id, ['unlock']), row.phone_device_id);
  });
}

/**
 * The code from the trusted number and a new password: the account is recovered. Judged before
 * the slow hash (a wrong code costs no scrypt run) and again with it, in the transaction that
 * sets the password — a request cancelled by a sign-in meanwhile is caught there.
 */
export async function completeAccountRecovery(ctx: ServiceContext, recoveryId: string, code: string, newPassword: string): Promise<PasswordChanged> {
  const judge = (tx: Tx) => {
    const row = readyRecovery(ctx, tx, recoveryId);
    if (!row.verification_id) throw tx.refuse(new IdentityError('CODE_NOT_SENT'));
    const verification = openVerification(ctx, tx, row.verification_id, ['unlock']);
    judgeCode(ctx, tx, verification, code, SOURCE);
    return { row, verification };
  };
  transact(ctx, judge);
  const hash = await ctx.hasher.hash(newPassword);
  return transactSigningOut(ctx, (tx) => {
    const { row, verification } = judge(tx);
    // Completed before the code is accepted: accepting it would otherwise count as the sign-in that cancels the request.
    ctx.repos.accountRecoveries.complete(row.id, tx.now);
    acceptCode(ctx, tx, verification, code, SOURCE);
    const account = ctx.repos.accounts.get(row.account_id);
    const result = setPassword(ctx, tx, account, hash, SOURCE);
    tx.log({ appleId: account.apple_id, source: SOURCE, event: 'account-recovered', outcome: 'success' });
    return result;
  });
}
