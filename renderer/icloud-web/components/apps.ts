import { ICLOUD_WEB_ROUTES } from '../../../preload/contract/place-routes.js';

/** iCloud.com's apps, in the home page's order, with their addresses. */
export const ICLOUD_WEB_APPS = ['mail', 'contacts', 'calendar', 'find', 'settings'] as const;
export type ICloudWebApp = (typeof ICLOUD_WEB_APPS)[number];

export const PATH_OF_APP: Record<ICloudWebApp, string> = {
  mail: ICLOUD_WEB_ROUTES.mail,
  contacts: ICLOUD_WEB_ROUTES.contacts,
  calendar: ICLOUD_WEB_ROUTES.calendar,
  find: ICLOUD_WEB_ROUTES.find,
  settings: ICLOUD_WEB_ROUTES.settings,
};

export const APP_OF_PATH: Record<string, ICloudWebApp> = Object.fromEntries(Object.entries(PATH_OF_APP).map(([app, path]) => [path, app as ICloudWebApp]));
