import type { AccountRow } from '../store/accounts-repo.js';
import { siteAccount } from './account-site.js';
import { transact, type ServiceContext, type Tx } from './context.js';
import { judgePassword } from './guess-budget.js';

const SOURCE = 'account-site';

/**
 * Step-up, as Apple and Google ask for it: a security change on My Apple ID needs the current
 * password again, not just a session (a session left open, or carried off, is not enough). The
 * password is judged like every guess (admitted, counted when wrong, never racing), and `change`
 * runs in the judging transaction with the session checked again there.
 */
export async function withCurrentPassword<T>(
  ctx: ServiceContext,
  token: string,
  currentPassword: string,
  change: (tx: Tx, account: AccountRow) => T,
): Promise<T> {
  const account = transact(ctx, (tx) => siteAccount(ctx, tx, token));
  return judgePassword(ctx, account, currentPassword, SOURCE, 'CURRENT_PASSWORD_INCORRECT', (tx) => change(tx, siteAccount(ctx, tx, token)));
}
