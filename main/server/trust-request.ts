import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import type { BrowserKind, BrowserSystem } from '../../preload/contract/trusted-browsers-types.js';
import { TRUSTED_BROWSER_LIFETIME_MS } from '../identity/service/trusted-browsers.js';
import { browserName } from './browser-name.js';
import { cookieValues, joinSessionToken, splitSessionToken } from './session-token.js';

/**
 * "Trust this browser?" travels as the sessions do (session-token.ts): an HttpOnly, SameSite=Strict
 * cookie for the place's API path holds one half, the page keeps the other in its own origin's
 * storage and sends it in `X-TwoStep-Trust`. A cookie that reached another port of 127.0.0.1 is
 * half a trust there, which trusts nothing. Unlike a session it outlives the browser's session
 * (30 days, as the trust does), and no sign-out clears it: that is what trusting means.
 */
export const TRUST_KEY_HEADER = 'x-twostep-trust';

export interface TrustCookie {
  name: string;
  /** The API path of its place (never the pages, never the other place's API). */
  path: string;
}

export interface TrustRequest {
  /** Every trust the request carries: each cookie of the name joined to the page's key (a planted one fits no key). */
  tokens(): string[];
  /** Sets the cookie half of a new trust; returns the key half, for the page to keep. */
  start(token: string): string;
  /** What the lists will call this browser. */
  browserName(): { browser: BrowserKind; os: BrowserSystem };
}

export function trustRequest(c: Context, cookie: TrustCookie): TrustRequest {
  return {
    tokens() {
      const key = c.req.header(TRUST_KEY_HEADER);
      return cookieValues(c.req.header('cookie'), cookie.name).flatMap((half) => joinSessionToken(half, key) ?? []);
    },
    start(token) {
      const { cookie: half, key } = splitSessionToken(token);
      setCookie(c, cookie.name, half, {
        httpOnly: true,
        sameSite: 'Strict',
        path: cookie.path,
        maxAge: Math.floor(TRUSTED_BROWSER_LIFETIME_MS / 1000),
      });
      return key;
    },
    browserName: () => browserName(c.req.header('user-agent')),
  };
}
