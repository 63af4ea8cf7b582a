import { onTestFinished, vi } from 'vitest';
import { PasswordHasher } from '../../../main/identity/crypto/password-hasher.js';
import type { IdentityService } from '../../../main/identity/identity-service.js';

/**
 * Holds the next password check (the slow scrypt run) until `release()`, so a test can do what
 * another request, window or process would do while a guess is still being hashed. The check
 * itself is the real one; only its moment of finishing is chosen.
 */
export function holdNextPasswordCheck(): { release(): void } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const spy = vi.spyOn(PasswordHasher.prototype, 'verify').mockImplementationOnce(async function (this: PasswordHasher, password, stored) {
    await gate;
    // The spy again, with this one-off behaviour used up: the real check.
    return PasswordHasher.prototype.verify.call(this, password, stored);
  });
  onTestFinished(() => spy.mockRestore());
  return { release };
}

/** The next password check fails as scrypt can (out of memory): it throws instead of answering. */
export function failNextPasswordCheck(error: Error): void {
  const spy = vi.spyOn(PasswordHasher.prototype, 'verify').mockRejectedValueOnce(error);
  onTestFinished(() => spy.mockRestore());
}

/** The next password check never ends, as in a process that died while hashing. */
export function stallNextPasswordCheck(): void {
  const spy = vi.spyOn(PasswordHasher.prototype, 'verify').mockImplementationOnce(() => new Promise<boolean>(() => {}));
  onTestFinished(() => spy.mockRestore());
}

/** The account's consecutive failures, as the store holds them. */
export function failuresOf(service: IdentityService, appleId: string): number {
  return (service.database.prepare('SELECT failed_attempts FROM accounts WHERE apple_id = ?').get(appleId) as { failed_attempts: number }).failed_attempts;
}
