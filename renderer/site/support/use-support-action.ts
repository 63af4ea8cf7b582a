import type { ErrorPayload } from '../../../preload/contract/error-codes.js';
import { useBusyAction } from '../../shared/use-busy-action.js';
import { useSupport } from './store.js';

/** Errors after which the verification cannot go on: back to the password, saying why. */
const GONE = new Set<ErrorPayload['code']>(['VERIFICATION_NOT_FOUND', 'VERIFICATION_EXPIRED']);

/** The verification is gone: back to the password, which says why; any other error stays by the form. */
function keepOrStartOver(shown: ErrorPayload | null): ErrorPayload | null {
  if (!shown || !GONE.has(shown.code)) return shown;
  useSupport.setState({ challenge: null, notice: shown });
  return null;
}

/** One action of the support page (see useBusyAction); a lost session goes back to the start. */
export function useSupportAction() {
  return useBusyAction(
    useSupport((s) => s.failure),
    keepOrStartOver,
  );
}
