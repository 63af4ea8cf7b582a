/**
 * The App Store's small catalogue: made-up free apps with our own names and icons (no real app
 * is sold or named here). Their names and descriptions are in the catalogs
 * (`places.appStore.apps.<id>`); the developers' names are proper nouns, the same in every language.
 * Plain data: any side may read it.
 */
export const APP_STORE_APPS = [
  { id: 'tidewise', category: 'utilities', developer: 'Harbor Lane Software', sizeMb: 3.8 },
  { id: 'pebble-notes', category: 'productivity', developer: 'Pebble Works', sizeMb: 5.1 },
  { id: 'kanji-cards', category: 'education', developer: 'Sakura Lab', sizeMb: 12.4 },
  { id: 'pixel-easel', category: 'graphics', developer: 'Little Easel Co.', sizeMb: 8.9 },
  { id: 'skyline-weather', category: 'weather', developer: 'North Ridge Apps', sizeMb: 6.2 },
  { id: 'trail-log', category: 'fitness', developer: 'Switchback Studio', sizeMb: 4.6 },
] as const;

export type AppStoreApp = (typeof APP_STORE_APPS)[number];
export type AppStoreAppId = AppStoreApp['id'];
export const APP_STORE_APP_IDS = APP_STORE_APPS.map((app) => app.id) as [AppStoreAppId, ...AppStoreAppId[]];
