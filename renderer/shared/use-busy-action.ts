import { useCallback, useRef, useState } from 'react';
import type { ErrorPayload } from '../../preload/contract/error-codes.js';

/**
 * One user action of a page: busy while it runs (a second press is ignored), and the error to
 * show if it fails. `failure` is the page's store's: it handles a lost session (back to signing
 * in) and says what to show. `keep` may take an error elsewhere (returning null) rather than
 * showing it beside the form.
 */
const showBesideTheForm = (shown: ErrorPayload | null) => shown;

export function useBusyAction(failure: (caught: unknown) => ErrorPayload | null, keep: (shown: ErrorPayload | null) => ErrorPayload | null = showBesideTheForm) {
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
        setError(keep(failure(caught)));
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [failure, keep],
  );

  /**
   * An error that came other than from an action of the user's — the trusted iPhone's Don't Allow,
   * heard while the page waits — shown as an action's would be: `keep` decides where.
   */
  const showError = useCallback((shown: ErrorPayload) => setError(keep(shown)), [keep]);

  return { busy, error, setError, showError, run };
}
