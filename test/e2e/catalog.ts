import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The UI's own catalogs, so a test finds a button by the text a person of that language sees
 * (the English run pins the English accessible names; the Japanese run, the seed's wording).
 */
type Catalog = { [key: string]: string | Catalog };
const catalogs: Record<'en' | 'ja', Catalog> = { en: {}, ja: {} };
for (const lang of ['en', 'ja'] as const) {
  const dir = join('renderer/i18n/locales', lang);
  for (const file of readdirSync(dir)) Object.assign(catalogs[lang], JSON.parse(readFileSync(join(dir, file), 'utf8')) as Catalog);
}

export type Lang = 'en' | 'ja';

export function t(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  let node: string | Catalog | undefined = catalogs[lang];
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`no message ${lang}:${key}`);
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? `{{${name}}}`));
}
