import { availableParallelism } from 'node:os';

/**
 * Whose hash it is: a real account's password (a sign-in, a new password), or a decoy — the hash
 * an unknown Apple ID gets so that its answer takes as long as a real one (PasswordHasher.burn).
 */
export type HashPriority = 'user' | 'decoy';

/**
 * At most `size` slow hashes at once, the rest waiting. scrypt at N=2^17 holds 128 MiB while it
 * runs, and libuv's thread pool would run four at once (its default size) on a machine of two
 * cores: as many as there are cores hash just as many per second, with half the memory.
 *
 * Real users' hashes go first: a free slot takes the longest-waiting user hash, and a decoy only
 * when no user hash waits (within each, first come, first hashed). Decoys are paid for by whoever
 * sends unknown Apple IDs, and 48 of them at once used to hold a real sign-in back 17 s (issue 15).
 */
export class HashingPool {
  private running = 0;
  private readonly waiting: Record<HashPriority, (() => void)[]> = { user: [], decoy: [] };

  constructor(readonly size: number = Math.max(1, availableParallelism())) {}

  async run<T>(work: () => Promise<T>, priority: HashPriority = 'user'): Promise<T> {
    if (this.running >= this.size) await new Promise<void>((resolve) => this.waiting[priority].push(resolve));
    else this.running += 1;
    try {
      return await work();
    } finally {
      const next = this.waiting.user.shift() ?? this.waiting.decoy.shift();
      // The slot passes straight to the next in line, so `running` never drops and rises again.
      if (next) next();
      else this.running -= 1;
    }
  }

  /** Hashes waiting for a slot now. */
  get queued(): number {
    return this.waiting.user.length + this.waiting.decoy.length;
  }
}
