import { DEMO_IDENTITY } from '../../../preload/contract/demo-identity.js';
import { normalizeRecoveryKey } from '../crypto/secrets.js';
import { IdentityError } from '../identity-error.js';
import { endClientSessions } from './client-sign-in.js';
import { transact, type ServiceContext, type Tx } from './context.js';

/** The account a new store starts with, as the README documents it. */
export const DEMO_ACCOUNT = {
  appleId: DEMO_IDENTITY.appleId,
  password: 'Twostep-Demo-2015',
  fullName: DEMO_IDENTITY.fullName,
  iphone: DEMO_IDENTITY.iphone,
  phoneNumber: '+1 (202) 555-0123',
  /** Documented so a presenter can show the hard-lock recovery; a real key is random. */
  recoveryKey: 'TWOS-TEPD-EMOK-EY',
} as const;

export async function createAccount(ctx: ServiceContext, appleId: string, password: string, fullName: string): Promise<number> {
  const hash = await ctx.hasher.hash(password);
  return transact(ctx, (tx) => insertAccount(ctx, tx, appleId, hash, fullName));
}

function insertAccount(ctx: ServiceContext, tx: Tx, appleId: string, hash: string, fullName: string): number {
  if (ctx.repos.accounts.findByAppleId(appleId)) throw tx.refuse(new IdentityError('ACCOUNT_EXISTS'));
  const id = ctx.repos.accounts.insert(appleId, fullName, hash, tx.now);
  tx.log({ appleId, source: 'control-center', event: 'account-created', outcome: 'success' });
  return id;
}

function seedDemo(ctx: ServiceContext, tx: Tx, hash: string): void {
  const id = insertAccount(ctx, tx, DEMO_ACCOUNT.appleId, hash, DEMO_ACCOUNT.fullName);
  ctx.repos.devices.insert(id, 'iphone', DEMO_ACCOUNT.iphone, tx.now);
  ctx.repos.devices.insert(id, 'phone', DEMO_ACCOUNT.phoneNumber, tx.now);
  const key = normalizeRecoveryKey(DEMO_ACCOUNT.recoveryKey)!;
  ctx.repos.accounts.setSecurity(id, 'two-step', ctx.keyed.digest('recovery-key', key));
}

/** On the first start of a new store: the demo account, with two-step verification on. */
export async function seedDemoIfEmpty(ctx: ServiceContext): Promise<void> {
  // A store in use is opened without hashing anything (a start costs no scrypt).
  if (ctx.repos.accounts.count() > 0) return;
  const hash = await ctx.hasher.hash(DEMO_ACCOUNT.password);
  transact(ctx, (tx) => {
    // Another start may have seeded it while this one hashed.
    if (ctx.repos.accounts.count() === 0) seedDemo(ctx, tx, hash);
  });
}

/** Back to the first state: every app signed out, every account and log entry gone, the demo account anew. */
export async function resetDemo(ctx: ServiceContext): Promise<void> {
  const hash = await ctx.hasher.hash(DEMO_ACCOUNT.password);
  transact(ctx, (tx) => {
    endClientSessions(ctx, tx, { by: 'all', value: 0 }, 'demo-reset');
    tx.emit({ type: 'credentials-revoked', accountId: null, appPasswordIds: [], accountPassword: true, reason: 'demo-reset' });
    for (const table of ['account_site_sessions', 'client_sessions', 'verifications', 'revoked_app_passwords', 'app_passwords', 'trusted_devices', 'accounts', 'activity_log']) {
      ctx.db.prepare(`DELETE FROM ${table}`).run();
    }
    seedDemo(ctx, tx, hash);
    tx.log({ appleId: null, source: 'control-center', event: 'demo-reset', outcome: 'info' });
  });
  ctx.inbox.clear();
}
