import { IdentityError } from '../identity-error.js';
import { recoveryKeyMatches } from './account-site.js';
import { setPassword, type PasswordChanged } from './account-settings.js';
import { transact, transactSigningOut, type ServiceContext } from './context.js';
import { admitGuess, recordFailure } from './guess-budget.js';
import { acceptCode, judgeCode, openVerification, startVerification, type VerificationChallenge } from './verification.js';

const SOURCE = 'account-site';

/**
 * Unlocking a locked Apple ID (and resetting a forgotten password) under two-step verification:
 * the recovery key, then a code from a trusted device, then a new password. Only this lifts a
 * hard lock. A wrong recovery key and a wrong unlock code are failed guesses at the account like
 * any other; past the hard lock they count on toward disabling it (LOCKOUT_POLICY.disableAt).
 */
export function beginUnlock(ctx: ServiceContext, appleId: string, recoveryKey: string): VerificationChallenge {
  return transact(ctx, (tx) => {
    const account = ctx.repos.accounts.findByAppleId(appleId);
    // An Apple ID that does not exist, or has no recovery key (only two-step has one), has nothing to guess.
    if (!account || account.recovery_key_hash === null) {
      tx.log({ appleId, source: SOURCE, event: 'recovery-key-refused', outcome: 'failure' });
      throw tx.refuse(new IdentityError('RECOVERY_KEY_INCORRECT'));
    }
    admitGuess(ctx, tx, account, SOURCE, 'unlock');
    if (!recoveryKeyMatches(ctx, account.recovery_key_hash, recoveryKey)) {
      throw tx.refuse(recordFailure(ctx, tx, account.id, SOURCE, 'recovery-key-refused') ?? new IdentityError('RECOVERY_KEY_INCORRECT'));
    }
    tx.log({ appleId, source: SOURCE, event: 'recovery-key-accepted', outcome: 'success', detail: { for: 'unlock' } });
    return startVerification(ctx, tx, account, 'unlock');
  });
}

/**
 * The code, then the new password. The verification and the code are judged before anything is
 * hashed (a wrong or unknown one costs no scrypt run: issue 15), and judged again with the new
 * hash in hand, when the verification is completed and the password set in one transaction — a
 * code replaced or a lock begun meanwhile is caught there.
 */
export async function completeUnlock(ctx: ServiceContext, verificationId: string, code: string, newPassword: string): Promise<PasswordChanged> {
  transact(ctx, (tx) => judgeCode(ctx, tx, openVerification(ctx, tx, verificationId, ['unlock']), code, SOURCE));
  const hash = await ctx.hasher.hash(newPassword);
  return transactSigningOut(ctx, (tx) => {
    const verification = openVerification(ctx, tx, verificationId, ['unlock']);
    acceptCode(ctx, tx, verification, code, SOURCE);
    const account = ctx.repos.accounts.get(verification.account_id);
    const result = setPassword(ctx, tx, account, hash, SOURCE);
    tx.log({ appleId: account.apple_id, source: SOURCE, event: 'account-unlocked', outcome: 'success' });
    return result;
  });
}
