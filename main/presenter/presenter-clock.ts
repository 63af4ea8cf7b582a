import { MAX_CLOCK_SKIP_MS } from '../../preload/contract/presenter.js';
import type { Clock } from '../identity/clock.js';
import { IdentityError } from '../identity/identity-error.js';

/**
 * The identity service's clock in browser mode and the desktop app: real time (or, in test
 * mode, the tests' movable clock) plus however far the presenter skipped ahead, so a code can
 * be shown expiring without waiting ten minutes. Only the windows' contract reaches `skip`
 * (the app server behind its launch key, or IPC from our own windows); the account site cannot.
 * A skip is never undone on its own: only Reset & restart, which also empties the store, goes
 * back to real time, so nothing stored ever lies in the future.
 */
export class PresenterClock implements Clock {
  private skipped = 0;

  constructor(private readonly base: Clock) {}

  now(): number {
    return this.base.now() + this.skipped;
  }

  get skippedMs(): number {
    return this.skipped;
  }

  skip(ms: number): void {
    if (this.skipped + ms > MAX_CLOCK_SKIP_MS) throw new IdentityError('CLOCK_SKIP_LIMIT', { days: MAX_CLOCK_SKIP_MS / 86_400_000 });
    this.skipped += ms;
  }

  /** Back to real time: for Reset & restart only, right before the store is emptied. */
  reset(): void {
    this.skipped = 0;
  }
}
