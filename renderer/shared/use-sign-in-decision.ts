import { useEffect, useState } from 'react';
import type { ErrorPayload } from '../../../preload/contract/error-codes.js';
import { site, toPayload } from '../api.js';

/** After a failed wait (the network, a restart), the next try comes this much later. */
const RETRY_MS = 2_000;

/**
 * Two-factor: while the trusted iPhone asks Allow / Don't Allow, the page waits for the answer
 * (main holds each wait up to 25 seconds, then the page asks again). 'allowed' once allowed;
 * a Don't Allow comes as SIGN_IN_DENIED, handed to `onRefused` at once so the page says so.
 * `waitFor` names one send (a new send waits anew); null waits for nothing.
 */
export function useSignInDecision(verificationId: string, waitFor: object | null, onRefused: (error: ErrorPayload) => void): 'allowed' | 'pending' {
  // Which send was allowed: a newer send is pending again until its own answer.
  const [allowedFor, setAllowedFor] = useState<object | null>(null);
  useEffect(() => {
    if (!waitFor) return;
    let stopped = false;
    void (async () => {
      while (!stopped) {
        try {
          const answer = await site.signInDecision({ verificationId });
          if (stopped) return;
          if (answer.decision === 'allowed') return setAllowedFor(waitFor);
        } catch (caught) {
          if (stopped) return;
          const error = toPayload(caught);
          if (error.code !== 'INTERNAL') return onRefused(error);
          await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
        }
      }
    })();
    return () => {
      stopped = true;
    };
    // onRefused is the page's setter of its error: one per mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [verificationId, waitFor]);
  return waitFor !== null && allowedFor === waitFor ? 'allowed' : 'pending';
}
