import type { ErrorPayload } from '../../../preload/contract/error-codes.js';
import { errorMessage } from '../../i18n/index.js';

/** The error of the last action, in the reader's language; the live region stays mounted so a new one is announced. */
export function ErrorText({ id, error }: { id: string; error: ErrorPayload | null }) {
  return (
    <p id={id} role="alert" className={error ? 'icw-error' : 'icw-error icw-error--empty'}>
      {error ? errorMessage(error) : ''}
    </p>
  );
}
