import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { ErrorPayload } from '../../preload/contract/error-codes.js';
import enApps from './locales/en/apps.json';
import enControl from './locales/en/control.json';
import enMail from './locales/en/mail.json';
import enSite from './locales/en/site.json';
import jaApps from './locales/ja/apps.json';
import jaControl from './locales/ja/control.json';
import jaMail from './locales/ja/mail.json';
import jaSite from './locales/ja/site.json';

/**
 * One catalog per language, kept in one file per area (the account site with the shared
 * strings and errors, the client apps, the control center, the mail app and servers); their top-level keys never clash
 * (test/node/i18n-catalogs.test.ts checks).
 */
export const CATALOGS = {
  en: { ...enSite, ...enApps, ...enControl, ...enMail },
  ja: { ...jaSite, ...jaApps, ...jaControl, ...jaMail },
};

/**
 * The one i18n setup of every front end. The language comes from, in order: `?lang=` in the
 * URL, the choice remembered in localStorage, the `<meta name="twostep-lang">` the server
 * writes into the page, then English.
 */
export const LANGUAGES = ['en', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'twostep.lang';

function asLanguage(value: string | null | undefined): Language | null {
  return value === 'en' || value === 'ja' ? value : null;
}

function storedLanguage(): Language | null {
  try {
    return asLanguage(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    // Storage can be unavailable (private windows, sandboxed pages): fall through.
    return null;
  }
}

export function detectLanguage(): Language {
  const fromUrl = asLanguage(new URLSearchParams(window.location.search).get('lang'));
  // A language asked for in the link (a client app's Create button sends its own) is kept
  // for the pages that follow, as if chosen with the switch.
  if (fromUrl) remember(fromUrl);
  const fromMeta = asLanguage(document.querySelector<HTMLMetaElement>('meta[name="twostep-lang"]')?.content);
  return fromUrl ?? storedLanguage() ?? fromMeta ?? 'en';
}

function applyLanguage(lang: Language, titleKey: string): void {
  document.documentElement.lang = lang;
  document.title = i18next.t(titleKey);
}

/** Starts i18next synchronously (the catalogs are bundled), so the first render is translated. */
export function initI18n(titleKey: string, lang: Language = detectLanguage()): i18n {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources: { en: { translation: CATALOGS.en }, ja: { translation: CATALOGS.ja } },
      lng: lang,
      fallbackLng: 'en',
      supportedLngs: [...LANGUAGES],
      initAsync: false,
      // React escapes what it renders; escaping here too would show "&amp;" in labels.
      interpolation: { escapeValue: false },
    });
    i18next.on('languageChanged', (lng) => applyLanguage(asLanguage(lng) ?? 'en', titleKey));
  } else {
    void i18next.changeLanguage(lang);
  }
  applyLanguage(lang, titleKey);
  return i18next;
}

function remember(lang: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered, but still applied to this page.
  }
}

/** The language switch: remembered for next time, and `?lang=` dropped so a reload keeps it. */
export function chooseLanguage(lang: Language): void {
  remember(lang);
  const url = new URL(window.location.href);
  if (url.searchParams.has('lang')) {
    url.searchParams.delete('lang');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  }
  void i18next.changeLanguage(lang);
}

/**
 * Every TwoStep page of one origin follows a language chosen in another (the control center's
 * switch changes the apps' windows too): the choice travels through localStorage's event.
 */
export function followLanguageChanges(): () => void {
  const onStorage = (event: StorageEvent) => {
    const lang = event.key === STORAGE_KEY ? asLanguage(event.newValue) : null;
    if (lang) void i18next.changeLanguage(lang);
  };
  window.addEventListener('storage', onStorage);
  return () => window.removeEventListener('storage', onStorage);
}

export function currentLanguage(): Language {
  return asLanguage(i18next.resolvedLanguage ?? i18next.language) ?? 'en';
}

/** An error as the user reads it: its message in their language, never its raw code. */
export function errorMessage(error: ErrorPayload): string {
  const key = error.messageKey.startsWith('errors.') || error.messageKey.startsWith('fields.') ? error.messageKey : `errors.${error.code}`;
  const seconds = error.params?.seconds;
  // A wait is said in the reader's words and units: "30 seconds", "2 minutes", "30 秒".
  const wait = typeof seconds === 'number' ? formatWait(seconds) : undefined;
  const message = i18next.t(key, { ...error.params, wait, defaultValue: i18next.t('errors.INTERNAL') });
  const remaining = error.params?.remaining;
  return remaining === undefined ? message : `${message} ${i18next.t('verify.attemptsLeft', { remaining })}`;
}

export function formatDateTime(ms: number): string {
  return new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

export function formatTime(ms: number): string {
  return new Intl.DateTimeFormat(currentLanguage(), { hour: 'numeric', minute: '2-digit' }).format(ms);
}

/** A duration to wait, in whole seconds under two minutes, else in whole minutes (rounded up). */
export function formatWait(seconds: number): string {
  const [value, unit] = seconds < 120 ? [Math.max(1, Math.ceil(seconds)), 'second'] : [Math.ceil(seconds / 60), 'minute'];
  return new Intl.NumberFormat(currentLanguage(), { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}
