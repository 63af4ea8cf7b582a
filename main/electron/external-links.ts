/**
 * The only URLs that may leave the app for the default browser: pages of our own account
 * site (http://127.0.0.1:<its port>/...). Everything else — other hosts, other ports,
 * file:, javascript:, custom schemes — is refused.
 */
export function isAccountSiteUrl(url: string, accountSiteOrigin: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'http:' && parsed.origin === accountSiteOrigin && !parsed.username && !parsed.password;
}

export class ExternalLinkRefused extends Error {
  constructor() {
    super('Only the account site may be opened in the browser.');
    this.name = 'ExternalLinkRefused';
  }
}

/** Wraps shell.openExternal so it is reachable for the account site's origin only. */
export function vettedOpenExternal(
  openExternal: (url: string) => Promise<void>,
  accountSiteOrigin: () => string,
): (url: string) => Promise<void> {
  return async (url) => {
    if (!isAccountSiteUrl(url, accountSiteOrigin())) throw new ExternalLinkRefused();
    await openExternal(url);
  };
}
