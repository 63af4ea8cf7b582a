import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { IdentityError } from '../identity/identity-error.js';
import { cookieValues, joinSessionToken, splitSessionToken } from './session-token.js';

/**
 * Where a browser session of the account site's origin travels: My Apple ID's, iCloud.com's and
 * the support page's each have a cookie of their own, sent only to their own API path, and the
 * page's key half in the same header. A session of one place is never a session of another: the
 * service looks each token up for its own place only.
 */
export interface SessionCookie {
  name: string;
  /** The API path the cookie is sent to (never the pages). */
  path: string;
  /** Older paths this cookie was once set for, cleared on sign-out too. */
  formerPaths?: readonly string[];
}

/** Where every page of the origin sends the half of its session it keeps. */
export const SESSION_KEY_HEADER = 'x-twostep-session';

/** What a handler gets: the session token (both halves, joined) and a way to set it. */
export interface SessionRequest {
  token(): string;
  /**
   * Sets the cookie half; returns the key half, for the page to keep. With `maxAgeMs` the cookie
   * outlives the browser's session (iCloud.com's "Keep me signed in"); without, it ends with it.
   */
  startSession(token: string, maxAgeMs?: number): string;
  endSession(): void;
  /** Aborted when the browser hangs up before the answer is sent (a closed or reloaded page). */
  readonly signal: AbortSignal;
}

/**
 * The request's session: the cookie half joined to the key half the page sent. When several
 * cookies of the name arrive (issue 15: another port planted one), the one that makes an open
 * session with the page's key is the user's; the others are ignored — they sign nobody out.
 */
export function sessionRequest(c: Context, cookie: SessionCookie, isOpen: (token: string) => boolean): SessionRequest {
  return {
    signal: c.req.raw.signal,
    token() {
      const key = c.req.header(SESSION_KEY_HEADER);
      const tokens = cookieValues(c.req.header('cookie'), cookie.name).flatMap((half) => joinSessionToken(half, key) ?? []);
      const token = tokens.length > 1 ? (tokens.find(isOpen) ?? tokens[0]) : tokens[0];
      if (!token) throw new IdentityError('NOT_SIGNED_IN');
      return token;
    },
    startSession(token, maxAgeMs) {
      const { cookie: half, key } = splitSessionToken(token);
      // HttpOnly: no script can read it; SameSite=Strict: no other site's page can send it. It
      // still reaches every other port of 127.0.0.1, hence the key half the page keeps.
      setCookie(c, cookie.name, half, {
        httpOnly: true,
        sameSite: 'Strict',
        path: cookie.path,
        ...(maxAgeMs === undefined ? {} : { maxAge: Math.floor(maxAgeMs / 1000) }),
      });
      return key;
    },
    endSession() {
      deleteCookie(c, cookie.name, { path: cookie.path });
      for (const path of cookie.formerPaths ?? []) deleteCookie(c, cookie.name, { path });
    },
  };
}

/** A handler's session token, or null when the request carries none (signing out is then done already). */
export function tokenOrNull(req: SessionRequest): string | null {
  try {
    return req.token();
  } catch {
    return null;
  }
}
