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
 * Real users' hashes go first (within each kind, first come, first hashed): a decoy starts only
 * when no user hash runs or waits, and one at a time. A real sign-in that arrives then finds a slot
 * free (on a pool of one, the slot is free once the one decoy ends), and shares the CPU with at
 * most the rest of that one decoy. Decoys are paid for by whoever sends unknown Apple IDs; 48 of
 * them at once used to hold a real sign-in back 17 s (issue 15). Under a steady stream of real
 * sign-ins an unknown Apple ID waits longer for its answer; that is the flooder's cost, not the
 * users'.
 */
export class HashingPool {
  private running = 0;
  private decoysRunning = 0;
  private readonly waiting: Record<HashPriority, (() => void)[]> = { user: [], decoy: [] };

  constructor(readonly size: number = Math.max(1, availableParallelism())) {}

  async run<T>(work: () => Promise<T>, priority: HashPriority = 'user'): Promise<T> {
    if (this.mayStart(priority)) this.started(priority);
    else await new Promise<void>((resolve) => this.waiting[priority].push(resolve));
    try {
      return await work();
    } finally {
      this.running -= 1;
      if (priority === 'decoy') this.decoysRunning -= 1;
      this.next();
    }
  }

  /** Hashes waiting for a slot now. */
  get queued(): number {
    return this.waiting.user.length + this.waiting.decoy.length;
  }

  private mayStart(priority: HashPriority): boolean {
    if (this.running >= this.size) return false;
    // A decoy: alone, with no user hash running or waiting.
    return priority === 'user' || (this.running === 0 && this.waiting.user.length === 0);
  }

  private started(priority: HashPriority): void {
    this.running += 1;
    if (priority === 'decoy') this.decoysRunning += 1;
  }

  /** A slot came free: the longest-waiting user hash takes it, else a decoy if one may run now. */
  private next(): void {
    for (const priority of ['user', 'decoy'] as const) {
      if (this.waiting[priority].length > 0 && this.mayStart(priority)) {
        this.started(priority);
        this.waiting[priority].shift()!();
        return;
      }
    }
  }
}
