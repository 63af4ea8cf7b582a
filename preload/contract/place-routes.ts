import { normalizeSitePath } from './site-routes.js';

/**
 * The addresses of iCloud.com on the account site's origin: its sign-in and home at `/icloud`,
 * each app at a path of its own. The server answers these with iCloud.com's page and 200, any
 * other under `/icloud/` with the same page and 404 (which then says "not found").
 */
export const ICLOUD_WEB_ROUTES = {
  home: '/icloud',
  mail: '/icloud/mail',
  contacts: '/icloud/contacts',
  calendar: '/icloud/calendar',
  find: '/icloud/find',
  settings: '/icloud/settings',
} as const;

export type ICloudWebPath = (typeof ICLOUD_WEB_ROUTES)[keyof typeof ICLOUD_WEB_ROUTES];

/** Apple ID support: a page of My Apple ID's own (the site's page routes it). */
export const SUPPORT_PATH = '/support';

const ICLOUD_PATHS = new Set<string>(Object.values(ICLOUD_WEB_ROUTES));

export function isICloudWebPath(pathname: string): boolean {
  return ICLOUD_PATHS.has(normalizeSitePath(pathname));
}

/** Whether an address belongs to iCloud.com's page (known or not). */
export function underICloudWeb(pathname: string): boolean {
  const path = normalizeSitePath(pathname);
  return path === ICLOUD_WEB_ROUTES.home || path.startsWith(`${ICLOUD_WEB_ROUTES.home}/`);
}

/**
 * iCloud.com follows the presenter state on the site's stream with `?page=` this: it is no My
 * Apple ID tab, so Create never asks it to show a page of My Apple ID.
 */
export const PLACE_PRESENTER_PAGE = 'icloud';
