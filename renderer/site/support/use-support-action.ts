import { useCallback, useRef, useState } from 'react';
import type { ErrorPayload } from '../../../preload/contract/error-codes.js';
import { useSupport } from './store.js';

/** Errors after which the verification cannot go on: back to the password, saying why. */
const GONE = new Set<ErrorPayload['code']>(['VERIFICATION_NOT_FOUND', 'VERIFICATION_EXPIRED']);

/**
 * One action of the support page: busy while it runs (a second press is ignored), the error to
 * show after. A lost session goes back to the start (the store's `failure`).
 */
export function useSupportAction() {
  const failure = useSupport((s) => s.failure);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const running = useRef(false);
  const run = useCallback(
    async (action: () => Promise<void>) => {
      if (running.current) return;
      running.current = true;
      setBusy(true);
      setError(null);
      try {
        await action();
      } catch (caught) {
        const shown = failure(caught);
        // The verification is gone: back to the password, which says why.
        if (shown && GONE.has(shown.code)) useSupport.setState({ challenge: null, notice: shown });
        else setError(shown);
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [failure],
  );
  return { busy, error, setError, run };
}
