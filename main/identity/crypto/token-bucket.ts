/**
 * A shared allowance: on average `ratePerSecond` takes a second, at most `burst` at once when it
 * has been unused. A take beyond it waits, in arrival order, until the allowance has grown back.
 * Used for the decoy hashes of unknown Apple IDs (PasswordHasher.burn), which spend no account's
 * failure budget and so need a limit of their own.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly waiting: (() => void)[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    readonly ratePerSecond: number,
    readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.last = now();
  }

  /** Resolves when this take is allowed; takes made earlier are allowed first. */
  take(): Promise<void> {
    this.refill();
    if (this.waiting.length === 0 && this.tokens >= 1) {
      this.tokens -= 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.schedule();
    });
  }

  /** Takes waiting now. */
  get queued(): number {
    return this.waiting.length;
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.ratePerSecond) / 1000);
    this.last = now;
  }

  /** One timer at a time, set for when the next whole take has grown back. */
  private schedule(): void {
    if (this.timer) return;
    const ms = Math.max(0, ((1 - this.tokens) * 1000) / this.ratePerSecond);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.refill();
      while (this.waiting.length > 0 && this.tokens >= 1) {
        this.tokens -= 1;
        this.waiting.shift()!();
      }
      if (this.waiting.length > 0) this.schedule();
    }, Math.ceil(ms));
  }
}
