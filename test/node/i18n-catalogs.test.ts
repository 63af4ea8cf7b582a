import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../preload/contract/error-codes.js';

/** The catalogs are the only source of user-visible text: they must agree with each other and with the contract. */

const root = resolve(import.meta.dirname, '../..');
type Catalog = { [key: string]: string | Catalog };

/** Every area file of a language, merged as renderer/i18n/index.ts merges them; no top-level key may be in two. */
function load(lang: 'en' | 'ja'): Map<string, string> {
  const dir = resolve(root, `renderer/i18n/locales/${lang}`);
  const catalog: Catalog = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const area = JSON.parse(readFileSync(resolve(dir, file), 'utf8')) as Catalog;
    for (const [key, value] of Object.entries(area)) {
      if (key in catalog) throw new Error(`${lang}/${file}: top-level key "${key}" is already in another file`);
      catalog[key] = value;
    }
  }
  const flat = new Map<string, string>();
  const walk = (node: Catalog, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string') flat.set(prefix + key, value);
      else walk(value, `${prefix}${key}.`);
    }
  };
  walk(catalog, '');
  return flat;
}

function placeholders(message: string): string[] {
  return [...message.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]!).sort();
}

const en = load('en');
const ja = load('ja');

describe('i18n catalogs', () => {
  it('have exactly the same keys in English and Japanese', () => {
    expect([...ja.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it('carry a message for every error code, in both languages', () => {
    for (const code of ERROR_CODES) {
      expect(en.get(`errors.${code}`), `en errors.${code}`).toBeTruthy();
      expect(ja.get(`errors.${code}`), `ja errors.${code}`).toBeTruthy();
    }
  });

  it('carry every fields.* message key the schemas can answer with', () => {
    const schemas = ['schemas.ts', 'places-inputs.ts'].map((file) => readFileSync(resolve(root, 'preload/contract', file), 'utf8')).join('\n');
    const keys = new Set([...schemas.matchAll(/['"`](fields\.[A-Za-z_.]+)['"`]/g)].map((m) => m[1]!));
    expect(keys.size).toBeGreaterThan(0);
    for (const key of keys) {
      expect(en.has(key), `en ${key}`).toBe(true);
      expect(ja.has(key), `ja ${key}`).toBe(true);
    }
  });

  it('have no empty messages', () => {
    for (const [lang, catalog] of [['en', en], ['ja', ja]] as const) {
      for (const [key, value] of catalog) expect(value.trim(), `${lang} ${key}`).not.toBe('');
    }
  });

  it('interpolate the same placeholders in both languages', () => {
    for (const [key, message] of en) {
      expect(placeholders(ja.get(key) ?? ''), key).toEqual(placeholders(message));
    }
  });

  it('use the wording of SPEC §6', () => {
    expect(en.get('errors.INCORRECT')).toBe('Your Apple ID or password was incorrect.');
    expect(ja.get('errors.INCORRECT')).toBe('Apple ID またはパスワードが正しくありません。');
    expect(en.get('errors.LOCKED')).toContain('This Apple ID has been locked for security reasons.');
    expect(ja.get('errors.LOCKED')).toContain('この Apple ID はセキュリティ上の理由でロックされています。');
    expect(ja.get('account.security')).toBe('パスワードとセキュリティ');
    expect(ja.get('account.viewHistory')).toBe('履歴を表示');
    expect(ja.get('history.delete')).toBe('消去');
    expect(ja.get('history.revokeAll')).toBe('すべて取り消す');
    expect(ja.get('generate.title')).toBe('App 用パスワードを作成');
    expect(ja.get('generate.label')).toBe('ラベル (App 名)');
    expect(ja.get('verify.code')).toBe('確認コード');
    expect(ja.get('verify.recoveryKey')).toBe('復旧キー');
    expect(ja.get('device.findMyIphone')).toBe('iPhone を探す');
  });
});
