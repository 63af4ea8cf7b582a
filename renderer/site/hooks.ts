import { useCallback, useEffect, useRef, useState } from 'react';
import type { AccountView } from '../../preload/contract/models.js';
import type { ErrorPayload } from '../../preload/contract/error-codes.js';
import { useSite } from './store.js';

/**
 * One user action against the API: busy while it runs (a second press is ignored), and the
 * error to show if it fails. A lost session is handled by the store (back to sign-in).
 */
export function useAction() {
  const failure = useSite((s) => s.failure);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const running = useRef(false);

  const run = useCallback(
    async (action: () => Promise<void>): Promise<void> => {
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

/** The signed-in account, loaded afresh when a page that shows it opens (null until then). */
export function useFreshAccount(): AccountView | null {
  const account = useSite((s) => s.account);
  const refreshAccount = useSite((s) => s.refreshAccount);
  useEffect(() => {
    void refreshAccount();
  }, [refreshAccount]);
  return account;
}
