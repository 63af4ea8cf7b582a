import { describe, expect, it } from 'vitest';
import { HashingPool } from '../../main/identity/crypto/hashing-pool.js';
import { PasswordHasher, TEST_SCRYPT_COST } from '../../main/identity/crypto/password-hasher.js';

describe('the hashing pool', () => {
  it('runs at most its size at once, and the rest in the order they came', async () => {
    const pool = new HashingPool(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const release: (() => void)[] = [];
    const jobs = Array.from({ length: 6 }, (_, i) =>
      pool.run(async () => {
        started.push(i);
        running += 1;
        most = Math.max(most, running);
        await new Promise<void>((resolve) => release.push(resolve));
        running -= 1;
        return i;
      }),
    );
    await new Promise((r) => setTimeout(r, 10));
    expect(started).toEqual([0, 1]);
    expect(pool.queued).toBe(4);
    while (release.length > 0 || started.length < 6) {
      release.shift()?.();
      await new Promise((r) => setTimeout(r, 1));
    }
    expect(await Promise.all(jobs)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(most).toBe(2);
  });

  it('frees its slot when a hash fails, and the hasher still checks passwords through it', async () => {
    const pool = new HashingPool(1);
    await expect(pool.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    const hasher = new PasswordHasher(TEST_SCRYPT_COST, pool);
    const hash = await hasher.hash('Correct-Horse-1');
    const [right, wrong] = await Promise.all([hasher.verify('Correct-Horse-1', hash), hasher.verify('Wrong-Horse-1', hash)]);
    expect([right, wrong]).toEqual([true, false]);
    expect(pool.queued).toBe(0);
  });
});
