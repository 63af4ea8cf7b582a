/**
 * The addresses of My Apple ID (the account site's own pages). The server answers these with
 * the site's page and 200, anything else with the same page and 404 (which then says "not
 * found"); the page routes by the same list. Plain data: any side may read it.
 */
export const SITE_ROUTES = {
  home: '/',
  signIn: '/sign-in',
  unlock: '/unlock',
  /** Account recovery under two-factor authentication (no recovery key), beside the unlock path. */
  accountRecovery: '/unlock/account-recovery',
  account: '/account',
  security: '/account/security',
  appPasswords: '/account/app-passwords',
  generate: '/account/app-passwords/new',
  password: '/account/password',
  /** Apple ID support (issue 19): it asks for a code before it talks about the account. */
  support: '/support',
} as const;

export type SitePath = (typeof SITE_ROUTES)[keyof typeof SITE_ROUTES];

const PATHS = new Set<string>(Object.values(SITE_ROUTES));

/** `/account/` is `/account`: trailing slashes do not make another page. */
export function normalizeSitePath(pathname: string): string {
  return pathname.replace(/\/+$/, '') || '/';
}

export function isSitePath(pathname: string): boolean {
  return PATHS.has(normalizeSitePath(pathname));
}
