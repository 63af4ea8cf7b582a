import { DAY, MINUTE } from '../clock.js';

/**
 * How failed guesses lock an account. Every wrong guess counts, whatever it was and wherever it
 * was typed (SPEC §3: one failure budget per account). The first four failures cost nothing
 * (people mistype); from the fifth on, each failure locks the account for twice as long as the
 * one before (1, 2, 4 … minutes, at most a day). The hundredth consecutive failure is a hard
 * lock that only the recovery key and a trusted device lift, so no more than 100 guesses are
 * ever judged at signing in (NIST SP 800-63B §5.2.2). The unlock path itself gets ten more
 * chances; the 110th consecutive failure disables the account for good.
 */
export const LOCKOUT_POLICY = {
  freeFailures: 4,
  firstLockMs: MINUTE,
  longestLockMs: DAY,
  hardLockAt: 100,
  disableAt: 110,
} as const;

export type LockoutPolicy = typeof LOCKOUT_POLICY;

export interface LockState {
  failures: number;
  lockedUntil: number | null;
  hardLocked: boolean;
  disabled: boolean;
}

export function afterFailure(previousFailures: number, now: number, policy: LockoutPolicy = LOCKOUT_POLICY): LockState {
  const failures = previousFailures + 1;
  if (failures >= policy.hardLockAt) return { failures, lockedUntil: null, hardLocked: true, disabled: failures >= policy.disableAt };
  if (failures <= policy.freeFailures) return { failures, lockedUntil: null, hardLocked: false, disabled: false };
  const doublings = failures - policy.freeFailures - 1;
  const duration = Math.min(policy.firstLockMs * 2 ** Math.min(doublings, 30), policy.longestLockMs);
  return { failures, lockedUntil: now + duration, hardLocked: false, disabled: false };
}

/**
 * Whether one more guess may be judged while `pending` others are still being checked (their
 * slow hash running). It may if, even were every pending guess wrong, the account would still
 * not be locked when this one is judged: so guesses that arrive at once are judged no more
 * often than if they had come one by one. With none pending, an unlocked account judges it.
 */
export function admitsGuess(failures: number, pending: number, policy: LockoutPolicy = LOCKOUT_POLICY): boolean {
  return pending === 0 || failures + pending <= policy.freeFailures;
}
