import type { ICloudWebHome } from '../../../preload/contract/places-types.js';
import { transact, type ServiceContext } from './context.js';
import { endWebSessionsOf, webSessionAccount } from './web-sessions.js';

/**
 * iCloud.com (issue 19), once signed in (web-sign-in.ts): what its apps show of the account —
 * read only — and Settings' "Sign Out of All Browsers".
 */

const PLACE = 'icloud-web';

export function icloudHome(ctx: ServiceContext, token: string): ICloudWebHome {
  return transact(ctx, (tx) => {
    const { account, session } = webSessionAccount(ctx, tx, PLACE, token);
    const devices = ctx.repos.devices.forAccount(account.id);
    return {
      appleId: account.apple_id,
      fullName: account.full_name,
      securityLevel: account.security_level,
      iphones: devices.filter((d) => d.kind === 'iphone').map((d) => ({ id: d.id, name: d.name })),
      phoneNumbers: devices.filter((d) => d.kind === 'phone').map((d) => d.name),
      session: { startedAt: session.created_at, keepSignedIn: session.keep_signed_in === 1, expiresAt: session.expires_at },
    };
  });
}

/** Settings ▸ Sign Out of All Browsers: every iCloud.com session of the account ends, this one too. */
export function signOutAllBrowsers(ctx: ServiceContext, token: string): { ended: number } {
  return transact(ctx, (tx) => {
    const { account } = webSessionAccount(ctx, tx, PLACE, token);
    return { ended: endWebSessionsOf(ctx, tx, account, PLACE, 'all-browsers') };
  });
}
