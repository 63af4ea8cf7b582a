/**
 * Every error the identity service, the account site or the IPC bridge can answer with.
 * A code is stable (tests and clients branch on it); its message lives in the renderer's
 * catalogs under `errors.<CODE>`, in English and Japanese. A test checks both catalogs
 * carry every code here.
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'APPLE_ID_INVALID',
  'PASSWORD_TOO_SHORT',
  'INCORRECT',
  'LOCKED',
  'HARD_LOCKED',
  'ACCOUNT_DISABLED',
  'TRY_AGAIN',
  'ACCOUNT_EXISTS',
  'ACCOUNT_NOT_FOUND',
  'CURRENT_PASSWORD_INCORRECT',
  'PASSWORD_UNCHANGED',
  'TRUSTED_PHONE_REQUIRED',
  'TRUSTED_DEVICE_NOT_FOUND',
  'LAST_TRUSTED_PHONE',
  'PHONE_ALREADY_TRUSTED',
  'SECURITY_LEVEL_UNCHANGED',
  'VERIFICATION_NOT_FOUND',
  'VERIFICATION_EXPIRED',
  'CODE_NOT_SENT',
  'CODE_INCORRECT',
  'CODE_EXPIRED',
  'CODE_ATTEMPTS_EXCEEDED',
  'CODE_RATE_LIMITED',
  // Two-factor authentication: the trusted iPhone answered Don't Allow (the attempt ended), or
  // the request it answered is no longer waiting (answered already, replaced, or over).
  'SIGN_IN_DENIED',
  'SIGN_IN_REQUEST_NOT_FOUND',
  'RECOVERY_KEY_INCORRECT',
  'RECOVERY_KEY_UNAVAILABLE',
  'APP_PASSWORD_LIMIT',
  'APP_PASSWORD_NOT_FOUND',
  'APP_PASSWORDS_UNAVAILABLE',
  'NOT_SIGNED_IN',
  'SESSION_EXPIRED',
  'CLIENT_NOT_SIGNED_IN',
  // The places of issue 19: the App Store, and the browser sessions the control center ends.
  'APP_STORE_SIGN_IN_REQUIRED',
  'APP_NOT_FOUND',
  'WEB_SESSION_NOT_FOUND',
  // Two-factor authentication: a trusted browser removed or ended already.
  'TRUSTED_BROWSER_NOT_FOUND',
  // Account recovery under two-factor authentication (issue 19 part B).
  'RECOVERY_NOT_POSSIBLE',
  'RECOVERY_NOT_FOUND',
  'RECOVERY_NOT_READY',
  'RECOVERY_CANCELLED',
  'FORBIDDEN_HOST',
  'FORBIDDEN_ORIGIN',
  'FORBIDDEN_SENDER',
  'LAUNCH_KEY_REQUIRED',
  'TOO_MANY_STREAMS',
  'CLOCK_SKIP_LIMIT',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'PAYLOAD_TOO_LARGE',
  'STORE_TOO_NEW',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** How an error crosses a process or network boundary: data, never a stack trace. */
export interface ErrorPayload {
  code: ErrorCode;
  /** i18n key of the message to show, e.g. `errors.INCORRECT`. */
  messageKey: string;
  /** Values the message interpolates (never a secret), e.g. `{ minutes: 5 }`. */
  params?: Record<string, string | number>;
  /** For INVALID_INPUT: which fields were wrong, each with its own message key. */
  fields?: { path: string; messageKey: string }[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

export function messageKeyFor(code: ErrorCode): string {
  return `errors.${code}`;
}
