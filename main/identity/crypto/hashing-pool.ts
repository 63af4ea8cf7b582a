import { availableParallelism } from 'node:os';

/**
 * At most `size` slow hashes at once, the rest waiting in arrival order (first come, first
 * hashed: no request overtakes another). scrypt at N=2^17 holds 128 MiB while it runs, and
 * libuv's thread pool would run four at once (its default size) on a machine of two cores: as
 * many as there are cores hash just as many per second, with half the memory.
 */
export class HashingPool {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly size: number = Math.max(1, availableParallelism())) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next in line, so `running` never drops and rises again.
      if (next) next();
      else this.running -= 1;
    }
  }

  /** Hashes waiting for a slot now. */
  get queued(): number {
    return this.waiting.length;
  }
}
