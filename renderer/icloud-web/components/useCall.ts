import { useCallback, useRef, useState } from 'react';
import type { ErrorPayload } from '../../../preload/contract/error-codes.js';
import { useICloud } from '../store.js';

/**
 * One user action against iCloud.com's API: busy while it runs (a second press is ignored), and
 * the error to show if it fails. A lost session is the store's (back to signing in).
 */
export function useCall() {
  const failure = useICloud((s) => s.failure);
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
        setError(failure(caught));
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [failure],
  );
  return { busy, error, setError, run };
}
