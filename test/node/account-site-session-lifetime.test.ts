import { describe, expect, it } from 'vitest';
import { ACCOUNT_SITE_IDLE_MS, ACCOUNT_SITE_MAX_AGE_MS } from '../../main/identity/service/account-site.js';
import { identityError, openSignedIn } from './helpers/identity.js';

/** A My Apple ID session ends 12 hours after signing in, to the millisecond, however busy. */
describe('the account-site session limit', () => {
  it('works up to the last millisecond before 12 hours, and not at 12 hours', async () => {
    const { service, clock, token } = await openSignedIn();
    const signedInAt = clock.now();
    const end = signedInAt + ACCOUNT_SITE_MAX_AGE_MS;
    // Kept busy: a request every 14 minutes, so the idle timeout never ends it first.
    while (clock.now() + ACCOUNT_SITE_IDLE_MS - 60_000 < end - 1) {
      clock.advance(ACCOUNT_SITE_IDLE_MS - 60_000);
      service.accountSiteAccount(token);
    }
    clock.set(end - 1);
    expect(service.accountSiteAccount(token).securityLevel).toBe('two-step');
    clock.set(end);
    expect((await identityError(() => service.accountSiteAccount(token))).code).toBe('SESSION_EXPIRED');
  });
});
