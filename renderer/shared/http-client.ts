import type { ErrorPayload, Result } from '../../preload/contract/error-codes.js';
import type { AnyContract, ClientOf } from '../../preload/contract/define.js';

/** An error answered by the identity service: show `t(error.messageKey, error.params)`. */
export class ApiError extends Error {
  constructor(readonly payload: ErrorPayload) {
    super(payload.code);
    this.name = 'ApiError';
  }
}

/** When the network itself fails (the server stopped): shown as errors.INTERNAL. */
function unreachable(): ApiError {
  return new ApiError({ code: 'INTERNAL', messageKey: 'errors.INTERNAL' });
}

/**
 * The one generic client of a contract over HTTP: `client.method(input)` posts JSON to
 * `<base>/<method>` and unwraps the `Result`. Derived from the contract's type, so a
 * misspelled method or a wrong input fails to compile. `headers` adds what the origin's pages
 * must prove on every call (a session key, a launch key).
 */
export function httpClient<C extends AnyContract>(base: string, headers: () => Record<string, string> = () => ({})): ClientOf<C> {
  return new Proxy({} as ClientOf<C>, {
    get(_target, name) {
      if (typeof name !== 'string') return undefined;
      return async (input: unknown) => {
        let response: Response;
        try {
          response = await fetch(`${base}/${name}`, {
            method: 'POST',
            headers: { ...headers(), 'content-type': 'application/json' },
            credentials: 'same-origin',
            body: JSON.stringify(input ?? {}),
          });
        } catch {
          throw unreachable();
        }
        let result: Result<unknown>;
        try {
          result = (await response.json()) as Result<unknown>;
        } catch {
          throw unreachable();
        }
        if (!result.ok) throw new ApiError(result.error);
        return result.value;
      };
    },
  });
}
