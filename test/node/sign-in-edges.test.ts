import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { PasswordHasher } from '../../main/identity/crypto/password-hasher.js';
import { ClientSessionsRepo } from '../../main/identity/store/client-sessions-repo.js';
import { failuresOf } from './helpers/password-checks.js';
import { DEMO_ACCOUNT, identityError, openService, openSignedIn, signInApp } from './helpers/identity.js';
import { tempStorePath } from './helpers/temp-store.js';

/**
 * Sign-in rules at edges the everyday tests do not reach: where an app-specific password is
 * no password at all, a stored hash left alone, a store opened again, and a sign-in that fails after its
 * password was judged.
 */
const { appleId, password } = DEMO_ACCOUNT;
const currentPassword = password;

describe('signing in at the edges', () => {
  it('an app-specific password is not the Apple ID password at My Apple ID or at iCloud, and counts as a wrong one there', async () => {
    const { service, token } = await openSignedIn();
    const made = service.createAppPassword(token, { label: 'Mail' }).password;
    expect((await identityError(() => service.signInAccountSite({ appleId, password: made }))).code).toBe('INCORRECT');
    expect((await identityError(() => service.signInClient({ clientKind: 'icloud', appleId, password: made }))).code).toBe('INCORRECT');
    expect(failuresOf(service, appleId)).toBe(2);
    // Where SPEC §3 wants one, it signs in.
    expect((await signInApp(service, 'messages', made)).appleId).toBe(appleId);
  });

  it('a right sign-in leaves a hash made at today\'s cost as it is (no new hash at every sign-in)', async () => {
    const { service, token } = await openSignedIn();
    const stored = () => (service.database.prepare('SELECT password_hash FROM accounts WHERE apple_id = ?').get(appleId) as { password_hash: string }).password_hash;
    const before = stored();
    await service.signInAccountSite({ appleId, password });
    await service.setSecurityLevel(token, { level: 'none', currentPassword });
    await signInApp(service, 'messages', password);
    expect(stored()).toBe(before);
  });

  it('a store in use is opened without hashing anything: only a new store hashes the demo password', async () => {
    const path = tempStorePath();
    const hashes = vi.spyOn(PasswordHasher.prototype, 'hash');
    onTestFinished(() => hashes.mockRestore());
    (await openService({ path })).service.close();
    expect(hashes).toHaveBeenCalledTimes(1);
    await openService({ path });
    expect(hashes).toHaveBeenCalledTimes(1);
  });

  it('a sign-in that fails in the store after its password was judged right holds nothing back: the next one is judged at once', async () => {
    const { service } = await openService();
    await service.createAccount({ appleId: 'plain@twostep.example', password: 'Plain-Pass-2015', fullName: 'Plain' });
    const plain = { clientKind: 'messages' as const, appleId: 'plain@twostep.example' };
    // Four free failures: one more guess pending would now be enough to hold the next back.
    for (let i = 0; i < 4; i++) expect((await identityError(() => service.signInClient({ ...plain, password: `Wrong-${i}` }))).code).toBe('INCORRECT');
    const insert = vi.spyOn(ClientSessionsRepo.prototype, 'insert').mockImplementationOnce(() => {
      throw new Error('SQLITE_FULL: database or disk is full');
    });
    onTestFinished(() => insert.mockRestore());
    await expect(service.signInClient({ ...plain, password: 'Plain-Pass-2015' })).rejects.toThrow('SQLITE_FULL');
    const session = await service.signInClient({ ...plain, password: 'Plain-Pass-2015' });
    expect(session.status).toBe('SIGNED_IN');
    expect(failuresOf(service, 'plain@twostep.example')).toBe(0);
  });
});
