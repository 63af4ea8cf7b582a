import { chmodSync, copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { MINUTE, ManualClock } from '../../main/identity/clock.js';
import { TEST_SCRYPT_COST } from '../../main/identity/crypto/password-hasher.js';
import { IdentityService } from '../../main/identity/identity-service.js';
import { DEMO_ACCOUNT, identityError, openService, signInSite } from './helpers/identity.js';
import { tempStorePath } from './helpers/temp-store.js';

/**
 * TwoStep quit and started again, or started twice at once, on one store: what the user had
 * open goes on working, and nothing is made twice.
 */
const stores = join(import.meta.dirname, 'fixtures', 'stores');
const made = JSON.parse(readFileSync(join(stores, 'v20-demo.json'), 'utf8')) as {
  writtenAt: number;
  appleId: string;
  password: string;
  sessionToken: string;
  pendingVerificationId: string;
  pendingCode: string;
};

describe('a store written by this release while in use (schema 20), opened again', () => {
  async function reopened() {
    const path = tempStorePath();
    copyFileSync(join(stores, 'v20-demo.sqlite'), path);
    chmodSync(path, 0o600);
    // A minute after it was written: the session and the code are still within their time.
    return openService({ path, clock: new ManualClock(made.writtenAt + MINUTE) });
  }

  it('keeps the browser that was signed in to My Apple ID signed in', async () => {
    const { service } = await reopened();
    expect(service.accountSiteAccount(made.sessionToken).appleId).toBe(made.appleId);
  });

  it('accepts the code the iPhone received before the restart, once', async () => {
    const { service } = await reopened();
    const { token } = service.completeAccountSiteSignIn({ verificationId: made.pendingVerificationId, code: made.pendingCode });
    expect(service.accountSiteAccount(token).appleId).toBe(made.appleId);
    expect((await identityError(() => service.completeAccountSiteSignIn({ verificationId: made.pendingVerificationId, code: made.pendingCode }))).code).toBe(
      'VERIFICATION_NOT_FOUND',
    );
  });

  it('still takes the password', async () => {
    const { service } = await reopened();
    expect((await service.signInAccountSite({ appleId: made.appleId, password: made.password })).status).toBe('VERIFICATION_REQUIRED');
  });
});

describe('starting on a store', () => {
  it('two starts at once on a new store (the desktop app and browser mode) both open it, with one demo account', async () => {
    const path = tempStorePath();
    const open = () => IdentityService.open({ path, clock: new ManualClock(), scryptCost: TEST_SCRYPT_COST, warn: () => {} });
    const both = await Promise.all([open(), open()]);
    onTestFinished(() => both.forEach((service) => service.close()));
    const accounts = both[0].database.prepare('SELECT apple_id FROM accounts').all();
    expect(accounts).toEqual([{ apple_id: DEMO_ACCOUNT.appleId }]);
    for (const service of both) expect(await signInSite(service)).toEqual(expect.any(String));
  });

  it('a store already in use is not seeded again: a changed demo password stays changed', async () => {
    const path = tempStorePath();
    const first = await openService({ path });
    await first.service.runScenario({ event: 'change-password', appleId: DEMO_ACCOUNT.appleId, newPassword: 'Changed-Before-Restart' });
    first.service.close();
    const { service } = await openService({ path });
    expect(await signInSite(service, { password: 'Changed-Before-Restart' })).toEqual(expect.any(String));
    expect((await identityError(() => service.signInAccountSite({ appleId: DEMO_ACCOUNT.appleId, password: DEMO_ACCOUNT.password }))).code).toBe('INCORRECT');
  });
});
