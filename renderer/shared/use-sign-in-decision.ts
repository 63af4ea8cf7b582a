import { useEffect, useState } from 'react';
import type { SignInDecision } from '../../preload/contract/account-site-types.js';
import type { ErrorPayload } from '../../preload/contract/error-codes.js';
import { ApiError } from './http-client.js';

/** After a failed wait (the network, a restart), the next try comes this much later. */
const RETRY_MS = 2_000;

const INTERNAL: ErrorPayload = { code: 'INTERNAL', messageKey: 'errors.INTERNAL' };

/** What every page's client throws (HTTP and the desktop app's bridge alike): its payload, else INTERNAL. */
function payloadOf(caught: unknown): ErrorPayload {
  return caught instanceof ApiError ? caught.payload : INTERNAL;
}

/** Where the wait stands: the iPhone still asking, Allow tapped, or the request ended (Don't Allow, or gone). */
export type SignInDecisionState = 'pending' | 'allowed' | 'refused';

export interface SignInDecisionWait {
  /** The place's own wait (its contract's signInDecision): main answers only about its own sign-ins. */
  ask: (input: { verificationId: string }) => Promise<SignInDecision>;
  verificationId: string;
  /** Names one send (a new send waits anew); null waits for nothing. */
  waitFor: object | null;
  /** Where the page shows an error: a Don't Allow (SIGN_IN_DENIED) goes there at once. */
  onRefused: (error: ErrorPayload) => void;
  /** The place's reading of a failed call, where it is not the clients' usual one. */
  toPayload?: (caught: unknown) => ErrorPayload;
}

/**
 * Two-factor: while the trusted iPhone asks Allow / Don't Allow, the page waits for the answer
 * (main holds each wait up to 25 seconds, then the page asks again). 'allowed' once allowed;
 * a Don't Allow comes as SIGN_IN_DENIED, handed to `onRefused` at once so the page says so —
 * not at the user's next click — and the state is then 'refused', as for any other end of the
 * attempt (expired, locked). Every place that sends a code to the iPhone uses this one loop.
 */
export function useSignInDecision({ ask, verificationId, waitFor, onRefused, toPayload = payloadOf }: SignInDecisionWait): SignInDecisionState {
  // Which send was answered, and how: a newer send is pending again until its own answer.
  const [answered, setAnswered] = useState<{ send: object; state: 'allowed' | 'refused' } | null>(null);
  useEffect(() => {
    if (!waitFor) return;
    let stopped = false;
    void (async () => {
      while (!stopped) {
        try {
          const answer = await ask({ verificationId });
          if (stopped) return;
          if (answer.decision === 'allowed') return setAnswered({ send: waitFor, state: 'allowed' });
        } catch (caught) {
          if (stopped) return;
          const error = toPayload(caught);
          if (error.code !== 'INTERNAL') {
            // The lead stops asking for a tap on the iPhone; the alert says why.
            setAnswered({ send: waitFor, state: 'refused' });
            return onRefused(error);
          }
          await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
        }
      }
    })();
    return () => {
      stopped = true;
    };
    // ask, onRefused and toPayload are the page's (a client's method, the setter of its error):
    // fixed for the page's life, though not always the same function object (the clients are proxies).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [verificationId, waitFor]);
  return waitFor !== null && answered?.send === waitFor ? answered.state : 'pending';
}
