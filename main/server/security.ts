import type { MiddlewareHandler } from 'hono';
import { timingSafeEqual } from 'node:crypto';
import { secureHeaders } from 'hono/secure-headers';
import { CONTENT_SECURITY_POLICY } from '../../preload/contract/content-security-policy.js';
import { IdentityError } from '../identity/identity-error.js';

export const securityHeaders = (): MiddlewareHandler =>
  secureHeaders({
    // The pages' one CSP (Hono renders it as renderContentSecurityPolicy() does).
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    crossOriginOpenerPolicy: 'same-origin',
    crossOriginResourcePolicy: 'same-origin',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
    strictTransportSecurity: false,
  });

/**
 * DNS rebinding: a page on evil.example that resolves to 127.0.0.1 still sends its own Host.
 * Only our own `127.0.0.1:<port>` and `localhost:<port>` are answered.
 */
export function hostCheck(allowedHosts: () => readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host')?.toLowerCase();
    if (!host || !allowedHosts().includes(host)) throw new IdentityError('FORBIDDEN_HOST');
    await next();
  };
}

/**
 * Cross-site writes: anything but GET/HEAD must come from one of our own origins (the
 * browser always sends Origin on such requests), and must be JSON, which a plain HTML form
 * cannot send. A GET that names a foreign origin is refused too.
 */
export function originCheck(allowedOrigins: () => readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    const safe = c.req.method === 'GET' || c.req.method === 'HEAD';
    if (origin !== undefined ? !allowedOrigins().includes(origin) : !safe) {
      throw new IdentityError('FORBIDDEN_ORIGIN');
    }
    const site = c.req.header('sec-fetch-site');
    if (!safe && site !== undefined && site !== 'same-origin') throw new IdentityError('FORBIDDEN_ORIGIN');
    await next();
  };
}

/** No answer of the API, and no page that may show a secret, is ever kept by a cache. */
export const noStore: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('Cache-Control', 'no-store');
  c.header('Pragma', 'no-cache');
};

/** Where the pages of browser mode's app server send the launch key. */
export const LAUNCH_KEY_HEADER = 'x-twostep-key';

/**
 * Browser mode's app server answers its API only to those who hold this launch's key, as
 * Jupyter's local server does with its token: the address printed and opened at start carries
 * it once (in the fragment, which no request sends), the pages keep it in their origin's storage
 * and send it in a header — or, for an event stream (EventSource cannot set headers), as `?key=`.
 * A web page on another port, or another local user, has no way to learn it.
 */
export function launchKeyCheck(launchKey: string): MiddlewareHandler {
  const expected = Buffer.from(launchKey);
  const matches = (given: string | undefined) => {
    if (given === undefined) return false;
    const candidate = Buffer.from(given);
    return candidate.length === expected.length && timingSafeEqual(candidate, expected);
  };
  return async (c, next) => {
    const given = c.req.header(LAUNCH_KEY_HEADER) ?? (c.req.method === 'GET' ? c.req.query('key') : undefined);
    if (!matches(given)) throw new IdentityError('LAUNCH_KEY_REQUIRED');
    await next();
  };
}
