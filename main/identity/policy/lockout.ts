import { DAY, MINUTE } from '../clock.js';

/**
 * How failed sign-ins lock an account. The first four failures cost nothing (people mistype);
 * from the fifth on, each failure locks the account for twice as long as the one before
 * (1, 2, 4 … minutes, at most a day). The hundredth consecutive failure is a hard lock that only
 * the recovery key and a trusted device lift, so no more than 100 guesses are ever judged.
 */
export const LOCKOUT_POLICY = {
  freeFailures: 4,
  firstLockMs: MINUTE,
  longestLockMs: DAY,
  hardLockAt: 100,
} as const;

export interface LockState {
  failures: number;
  lockedUntil: number | null;
  hardLocked: boolean;
}

export function afterFailure(previousFailures: number, now: number, policy = LOCKOUT_POLICY): LockState {
  const failures = previousFailures + 1;
  if (failures >= policy.hardLockAt) return { failures, lockedUntil: null, hardLocked: true };
  if (failures <= policy.freeFailures) return { failures, lockedUntil: null, hardLocked: false };
  const doublings = failures - policy.freeFailures - 1;
  const duration = Math.min(policy.firstLockMs * 2 ** Math.min(doublings, 30), policy.longestLockMs);
  return { failures, lockedUntil: now + duration, hardLocked: false };
}
