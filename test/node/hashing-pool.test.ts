import { afterEach, describe, expect, it, vi } from 'vitest';
import { HashingPool } from '../../main/identity/crypto/hashing-pool.js';
import { PasswordHasher, TEST_SCRYPT_COST } from '../../main/identity/crypto/password-hasher.js';
import { TokenBucket } from '../../main/identity/crypto/token-bucket.js';

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

  it('runs decoys one at a time and never beside a waiting or running user hash; a user\'s hash starts at once beside a decoy', async () => {
    const pool = new HashingPool(2);
    const started: string[] = [];
    const release = new Map<string, () => void>();
    const job = (name: string) => () =>
      new Promise<void>((resolve) => {
        started.push(name);
        release.set(name, resolve);
      });
    const decoys = ['d1', 'd2', 'd3'].map((name) => pool.run(job(name), 'decoy'));
    await new Promise((r) => setTimeout(r, 5));
    expect(started).toEqual(['d1']);
    const user = pool.run(job('user'), 'user');
    await new Promise((r) => setTimeout(r, 5));
    expect(started).toEqual(['d1', 'user']);
    // d1 ends while the user's hash runs: no decoy starts beside it.
    release.get('d1')!();
    await new Promise((r) => setTimeout(r, 5));
    expect(started).toEqual(['d1', 'user']);
    release.get('user')!();
    await new Promise((r) => setTimeout(r, 5));
    expect(started).toEqual(['d1', 'user', 'd2']);
    release.get('d2')!();
    await new Promise((r) => setTimeout(r, 5));
    release.get('d3')!();
    await Promise.all([...decoys, user]);
    expect(started).toEqual(['d1', 'user', 'd2', 'd3']);
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

describe('the decoy allowance (a token bucket)', () => {
  afterEach(() => vi.useRealTimers());

  it('lets its burst through at once, then one take per 1/rate seconds, in the order they came', async () => {
    vi.useFakeTimers();
    const bucket = new TokenBucket(2, 2, () => Date.now());
    const allowed: string[] = [];
    const takes = ['a', 'b', 'c', 'd', 'e'].map((name) => bucket.take().then(() => allowed.push(name)));
    await vi.advanceTimersByTimeAsync(0);
    expect(allowed).toEqual(['a', 'b']);
    expect(bucket.queued).toBe(3);
    await vi.advanceTimersByTimeAsync(499);
    expect(allowed).toEqual(['a', 'b']);
    await vi.advanceTimersByTimeAsync(1);
    expect(allowed).toEqual(['a', 'b', 'c']);
    await vi.advanceTimersByTimeAsync(1000);
    await Promise.all(takes);
    expect(allowed).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('grows back to its burst while unused, never beyond', async () => {
    vi.useFakeTimers();
    const bucket = new TokenBucket(2, 2, () => Date.now());
    await bucket.take();
    await bucket.take();
    await vi.advanceTimersByTimeAsync(60_000);
    const allowed: number[] = [];
    const takes = [1, 2, 3].map((n) => bucket.take().then(() => allowed.push(n)));
    await vi.advanceTimersByTimeAsync(0);
    expect(allowed).toEqual([1, 2]);
    await vi.advanceTimersByTimeAsync(500);
    await Promise.all(takes);
    expect(allowed).toEqual([1, 2, 3]);
  });

  it('a decoy hash waits for the allowance, then for a slot behind the real users\' hashes', async () => {
    const pool = new HashingPool(1);
    let release: () => void = () => undefined;
    // A real hash holds the only slot; a decoy and then a real user's check queue behind it.
    const holding = pool.run(() => new Promise<void>((resolve) => (release = resolve)));
    const hasher = new PasswordHasher(TEST_SCRYPT_COST, pool, new TokenBucket(1000, 2));
    const hash = await new PasswordHasher(TEST_SCRYPT_COST).hash('Correct-Horse-1');
    const order: string[] = [];
    const decoy = hasher.burn('whatever').then(() => order.push('decoy'));
    await new Promise((r) => setTimeout(r, 5));
    const user = hasher.verify('Correct-Horse-1', hash).then(() => order.push('user'));
    await new Promise((r) => setTimeout(r, 5));
    release();
    await Promise.all([holding, decoy, user]);
    expect(order).toEqual(['user', 'decoy']);
  });
});
