import type { z } from 'zod';
import type { inputs } from '../../../preload/contract/inputs.js';
import { IdentityError } from '../identity-error.js';
import { applySecurityLevel, setPassword } from './account-settings.js';
import { newMac } from './app-store.js';
import { endClientSessions } from './client-sign-in.js';
import { transact, transactSigningOut, type ServiceContext } from './context.js';

export type Scenario = z.output<typeof inputs.scenario>;

/**
 * The control center's scenario actions: what signs an app out in real life, as the seed
 * describes (a software update, a SIM swap, a password changed elsewhere, or no visible cause).
 *
 * A software update or a SIM change is what two-step verification treats as signing out on the
 * device concerned: iMessage and FaceTime must sign in again there. Nothing is revoked, and an
 * app signed in elsewhere with an app-specific password (the third-party mail app), or iCloud,
 * stays signed in.
 */
export async function runScenario(ctx: ServiceContext, scenario: Scenario): Promise<{ signedOutApps: number }> {
  const source = 'control-center';
  switch (scenario.event) {
    case 'sign-out':
      return transact(ctx, (tx) => {
        tx.log({ appleId: null, source, event: 'scenario', outcome: 'info', detail: { scenario: scenario.event, client: scenario.clientKind } });
        return { signedOutApps: endClientSessions(ctx, tx, { by: 'client', value: scenario.clientKind }, 'signed-out') };
      });
    case 'software-update':
    case 'sim-swap':
    case 'unexpected-re-sign-in': {
      const reason = scenario.event === 'unexpected-re-sign-in' ? 'unexpected' : scenario.event;
      return transact(ctx, (tx) => {
        tx.log({ appleId: null, source, event: 'scenario', outcome: 'info', detail: { scenario: scenario.event } });
        const signedOutApps =
          endClientSessions(ctx, tx, { by: 'client', value: 'messages' }, reason) + endClientSessions(ctx, tx, { by: 'client', value: 'facetime' }, reason);
        return { signedOutApps };
      });
    }
    case 'new-mac':
      return transact(ctx, (tx) => {
        tx.log({ appleId: null, source, event: 'scenario', outcome: 'info', detail: { scenario: scenario.event } });
        return { signedOutApps: newMac(ctx, tx) };
      });
    case 'security-level': {
      const found = ctx.repos.accounts.findByAppleId(scenario.appleId);
      if (!found) throw new IdentityError('ACCOUNT_NOT_FOUND');
      return transactSigningOut(ctx, (tx) => {
        const account = ctx.repos.accounts.get(found.id);
        tx.log({ appleId: account.apple_id, source, event: 'scenario', outcome: 'info', detail: { scenario: scenario.event, level: scenario.level } });
        applySecurityLevel(ctx, tx, account, scenario.level, source);
        return { signedOutApps: 0 };
      });
    }
    case 'change-password': {
      const account = ctx.repos.accounts.findByAppleId(scenario.appleId);
      if (!account) throw new IdentityError('ACCOUNT_NOT_FOUND');
      const hash = await ctx.hasher.hash(scenario.newPassword);
      return transactSigningOut(ctx, (tx) => {
        tx.log({ appleId: account.apple_id, source, event: 'scenario', outcome: 'info', detail: { scenario: scenario.event } });
        return { signedOutApps: setPassword(ctx, tx, ctx.repos.accounts.get(account.id), hash, source).signedOutApps };
      });
    }
  }
}
