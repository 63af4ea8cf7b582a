/**
 * An account-site session token travels in two halves. Cookies are not isolated by port, and
 * SameSite counts every port of 127.0.0.1 as one site: any local web server the browser visits
 * receives the cookie, and may overwrite it. So the cookie holds one half and the page keeps the
 * other in its own origin's storage (which no other port can read), sending it in a header. The
 * identity service sees one token and never knows it was split.
 */

/** base64url, as secrets.token() writes it; each half is at least 128 bits of it. */
const HALF = /^[A-Za-z0-9_-]{21,64}$/;

export function splitSessionToken(token: string): { cookie: string; key: string } {
  const middle = Math.ceil(token.length / 2);
  return { cookie: token.slice(0, middle), key: token.slice(middle) };
}

/** The whole token, or null when a half is missing or malformed (never signed in). */
export function joinSessionToken(cookie: string | undefined, key: string | undefined): string | null {
  if (!cookie || !key || !HALF.test(cookie) || !HALF.test(key)) return null;
  return cookie + key;
}

/**
 * Every value of the cookie `name` in a Cookie header, in the order sent. A browser sends two of
 * one name when they differ in path or host: the site's own, and one another port planted.
 */
export function cookieValues(header: string | undefined, name: string): string[] {
  if (!header) return [];
  return header
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair.startsWith(`${name}=`))
    .map((pair) => pair.slice(name.length + 1));
}
