import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '../../preload/contract/error-codes.js';

/** The HTTP status each error code answers with: never a 5xx for anything a client sent. */
export function statusFor(code: ErrorCode): ContentfulStatusCode {
  switch (code) {
    case 'INVALID_INPUT':
    case 'APPLE_ID_INVALID':
    case 'PASSWORD_TOO_SHORT':
    case 'PASSWORD_UNCHANGED':
    case 'CODE_NOT_SENT':
    case 'CODE_INCORRECT':
    case 'CODE_EXPIRED':
    case 'CODE_ATTEMPTS_EXCEEDED':
    case 'RECOVERY_KEY_INCORRECT':
    case 'RECOVERY_KEY_UNAVAILABLE':
    case 'TRUSTED_PHONE_REQUIRED':
    case 'LAST_TRUSTED_PHONE':
    case 'SECURITY_LEVEL_UNCHANGED':
    case 'APP_PASSWORDS_UNAVAILABLE':
    case 'VERIFICATION_EXPIRED':
    case 'CURRENT_PASSWORD_INCORRECT':
    case 'PHONE_ALREADY_TRUSTED':
    case 'CLOCK_SKIP_LIMIT':
    case 'RECOVERY_NOT_POSSIBLE':
      return 400;
    case 'INCORRECT':
    case 'NOT_SIGNED_IN':
    case 'APP_STORE_SIGN_IN_REQUIRED':
    case 'SESSION_EXPIRED':
      return 401;
    case 'SIGN_IN_DENIED':
    case 'FORBIDDEN_HOST':
    case 'FORBIDDEN_ORIGIN':
    case 'FORBIDDEN_SENDER':
    case 'LAUNCH_KEY_REQUIRED':
      return 403;
    case 'NOT_FOUND':
    case 'ACCOUNT_NOT_FOUND':
    case 'APP_PASSWORD_NOT_FOUND':
    case 'TRUSTED_DEVICE_NOT_FOUND':
    case 'VERIFICATION_NOT_FOUND':
    case 'CLIENT_NOT_SIGNED_IN':
    case 'APP_NOT_FOUND':
    case 'WEB_SESSION_NOT_FOUND':
    case 'SIGN_IN_REQUEST_NOT_FOUND':
    case 'TRUSTED_BROWSER_NOT_FOUND':
    case 'RECOVERY_NOT_FOUND':
      return 404;
    case 'METHOD_NOT_ALLOWED':
      return 405;
    case 'ACCOUNT_EXISTS':
    case 'APP_PASSWORD_LIMIT':
    case 'RECOVERY_NOT_READY':
    case 'RECOVERY_CANCELLED':
      return 409;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'LOCKED':
    case 'HARD_LOCKED':
    case 'ACCOUNT_DISABLED':
      return 423;
    case 'TRY_AGAIN':
    case 'CODE_RATE_LIMITED':
    case 'TOO_MANY_STREAMS':
      return 429;
    case 'STORE_TOO_NEW':
    case 'INTERNAL':
      return 500;
  }
}
