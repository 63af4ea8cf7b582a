/**
 * The one Content-Security-Policy of every page, as data: the account site's answer headers
 * (main/server/security.ts), the desktop windows' app:// answers (main/electron/app-protocol.ts)
 * and the meta tag Vite writes into each built page (vite.config.mts) all render it from here,
 * so they cannot drift apart. Nothing inline, nothing from elsewhere, never framed. Plain data:
 * it imports nothing, so any side may read it.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export type ContentSecurityPolicy = Partial<Record<keyof typeof CONTENT_SECURITY_POLICY, string[]>>;

/** Directives a `<meta http-equiv>` policy may not carry (browsers ignore them there). */
const HEADER_ONLY: readonly (keyof typeof CONTENT_SECURITY_POLICY)[] = ['frameAncestors'];

/** `defaultSrc` → `default-src`. */
const directiveName = (key: string) => key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/** The policy as a header value: `default-src 'self'; script-src 'self'; …`. */
export function renderContentSecurityPolicy(policy: ContentSecurityPolicy = CONTENT_SECURITY_POLICY): string {
  return Object.entries(policy)
    .map(([key, sources]) => [directiveName(key), ...sources].join(' '))
    .join('; ');
}

/** The policy for a page's `<meta http-equiv="Content-Security-Policy">`: without the header-only directives. */
export function metaContentSecurityPolicy(policy: ContentSecurityPolicy = CONTENT_SECURITY_POLICY): string {
  return renderContentSecurityPolicy(Object.fromEntries(Object.entries(policy).filter(([key]) => !(HEADER_ONLY as readonly string[]).includes(key))));
}
