import { messageKeyFor, type ErrorCode, type ErrorPayload } from '../../preload/contract/error-codes.js';

/**
 * The one error type of the identity service. It carries a stable code and the key of the
 * message to show; it never carries a secret, and its payload is what crosses IPC or HTTP.
 */
export class IdentityError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params?: Record<string, string | number>,
    readonly fields?: { path: string; messageKey: string }[],
  ) {
    super(code);
    this.name = 'IdentityError';
  }

  toPayload(): ErrorPayload {
    const payload: ErrorPayload = { code: this.code, messageKey: messageKeyFor(this.code) };
    if (this.params) payload.params = this.params;
    if (this.fields) payload.fields = this.fields;
    return payload;
  }
}

/** Turns anything thrown into a payload safe to send: unknown errors become INTERNAL. */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof IdentityError) return error.toPayload();
  return { code: 'INTERNAL', messageKey: messageKeyFor('INTERNAL') };
}
