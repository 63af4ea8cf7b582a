import { act } from 'react';
import type { Answer } from './fakes.js';
import { settle } from './dom.js';

/**
 * The trusted iPhone's Allow / Don't Allow, as a fake `signInDecision` hears it: every wait the
 * page starts is held open (as main holds it, up to 25 s) until the test answers for the iPhone —
 * no click on the page. A page that asks again after an answer waits anew.
 */
export function heldDecision() {
  let waiting: ((answer: Answer) => void)[] = [];
  return {
    /** The fake method: answers when the iPhone does. */
    wait: () => new Promise<Answer>((resolve) => waiting.push(resolve)),
    /** How many waits are open now. */
    open: () => waiting.length,
    /** The iPhone answers every open wait, then the page settles. */
    async answer(answer: Answer): Promise<void> {
      const woken = waiting;
      waiting = [];
      await act(async () => {
        for (const resolve of woken) resolve(answer);
        await Promise.resolve();
      });
      await settle();
    },
  };
}

export const ALLOWED: Answer = { value: { decision: 'allowed' } };
/** Nobody answered within main's wait: the page asks again. */
export const STILL_PENDING: Answer = { value: { decision: 'pending' } };
