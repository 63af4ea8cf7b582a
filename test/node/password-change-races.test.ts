import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { PasswordHasher, TEST_SCRYPT_COST } from '../../main/identity/crypto/password-hasher.js';
import { AppPasswordsRepo } from '../../main/identity/store/app-passwords-repo.js';
import { DEMO_ACCOUNT, identityError, openService, openSignedIn } from './helpers/identity.js';
import { failuresOf, holdNextPasswordCheck } from './helpers/password-checks.js';

/**
 * A password or app-specific password changed by one request (or window, or process) while
 * another request is still checking the old one: the old one never gets back in.
 */
const { appleId, password } = DEMO_ACCOUNT;
const NEW_PASSWORD = 'Changed-Meanwhile-2015';

describe('a password changed while a sign-in with the old one is being checked', () => {
  it('the old password, right when the check began, is refused when it is judged, and nothing is counted', async () => {
    const { service } = await openService();
    const held = holdNextPasswordCheck();
    const signIn = service.signInAccountSite({ appleId, password });
    await service.runScenario({ event: 'change-password', appleId, newPassword: NEW_PASSWORD });
    held.release();
    expect((await identityError(() => signIn)).code).toBe('INCORRECT');
    expect(failuresOf(service, appleId)).toBe(0);
    expect((await service.signInAccountSite({ appleId, password: NEW_PASSWORD })).status).toBe('VERIFICATION_REQUIRED');
  });

  it('an old-cost hash upgraded after a right sign-in does not overwrite a password changed meanwhile', async () => {
    const { service } = await openService();
    // A password stored by an earlier release at a lower scrypt cost: the next right sign-in re-hashes it.
    const older = new PasswordHasher({ ...TEST_SCRYPT_COST, logN: TEST_SCRYPT_COST.logN - 1 });
    service.database.prepare('UPDATE accounts SET password_hash = ? WHERE apple_id = ?').run(await older.hash(password), appleId);

    // The password changes (in another window) while the upgrade's new hash is being made.
    const spy = vi.spyOn(PasswordHasher.prototype, 'hash').mockImplementationOnce(async function (this: PasswordHasher, value) {
      // The spy again, with this one-off behaviour used up: the real hash.
      const upgraded = await PasswordHasher.prototype.hash.call(this, value);
      await service.runScenario({ event: 'change-password', appleId, newPassword: NEW_PASSWORD });
      return upgraded;
    });
    onTestFinished(() => spy.mockRestore());

    expect((await service.signInClient({ clientKind: 'messages', appleId, password })).status).toBe('APP_SPECIFIC_PASSWORD_REQUIRED');
    // The first hash made was the upgrade of the right password (the change came within it).
    expect(spy.mock.calls[0]).toEqual([password]);
    expect((await identityError(() => service.signInAccountSite({ appleId, password }))).code).toBe('INCORRECT');
    expect((await service.signInAccountSite({ appleId, password: NEW_PASSWORD })).status).toBe('VERIFICATION_REQUIRED');
  });
});

describe('an app-specific password revoked while an app is signing in with it', () => {
  it('is refused: the sign-in reads it again before starting the session', async () => {
    const { service, token } = await openSignedIn();
    const { password: appPassword, appPassword: created } = service.createAppPassword(token, { label: 'Mail' });
    // The app's sign-in finds the password; before it starts the session, the owner deletes it
    // on My Apple ID (in another window, or another process on the same store).
    const spy = vi.spyOn(AppPasswordsRepo.prototype, 'findActiveForAppleId').mockImplementationOnce(function (this: AppPasswordsRepo, ...args) {
      const found = AppPasswordsRepo.prototype.findActiveForAppleId.apply(this, args);
      service.revokeAppPassword(token, { appPasswordId: created.id });
      return found;
    });
    onTestFinished(() => spy.mockRestore());

    expect((await identityError(() => service.signInClient({ clientKind: 'third-party', appleId, password: appPassword }))).code).toBe('INCORRECT');
    expect(spy).toHaveBeenCalled();
    expect(service.clientSessions()).toEqual([]);
    expect(service.listAppPasswords(token)).toEqual([]);
  });
});
