import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { ErrorPayload } from '../../preload/contract/error-codes.js';
import enApps from './locales/en/apps.json';
import enControl from './locales/en/control.json';
import enMail from './locales/en/mail.json';
import enPlaces from './locales/en/places.json';
import enSite from './locales/en/site.json';
import enStage from './locales/en/stage.json';
import enTwoFactor from './locales/en/two-factor.json';
import enTrustedBrowsers from './locales/en/trusted-browsers.json';
import enTwoFactorApps from './locales/en/two-factor-apps.json';
import jaApps from './locales/ja/apps.json';
import jaControl from './locales/ja/control.json';
import jaMail from './locales/ja/mail.json';
import jaPlaces from './locales/ja/places.json';
import jaSite from './locales/ja/site.json';
import jaStage from './locales/ja/stage.json';
import jaTwoFactor from './locales/ja/two-factor.json';
import jaTrustedBrowsers from './locales/ja/trusted-browsers.json';
import jaTwoFactorApps from './locales/ja/two-factor-apps.json';

/**
 * One catalog per language, kept in one file per area (the account site with the shared
 * strings and errors, the client apps, the control center, the stage, the mail app and servers,
 * the places of issue 19: iCloud.com, support, the App Store; two-factor authentication's own,
 * its trusted browsers, and Messages and FaceTime under it); their top-level keys never clash
 * (test/node/i18n-catalogs.test.ts checks).
 */
export const CATALOGS = {
  en: { ...enSite, ...enApps, ...enControl, ...enStage, ...enMail, ...enPlaces, ...enTwoFactor, ...enTrustedBrowsers, ...enTwoFactorApps },
  ja: { ...jaSite, ...jaApps, ...jaControl, ...jaStage, ...jaMail, ...jaPlaces, ...jaTwoFactor, ...jaTrustedBrowsers, ...jaTwoFactorApps },
};

/**
 * The one i18n setup of every front end. The language is a setting of the running TwoStep,
 * shared by every page of both origins (renderer/i18n/language-sync.ts keeps a page in step).
 * A page starts in, in order: `?lang=` in the URL (a choice, told to TwoStep once the page is
 * connected), the `<meta name="twostep-lang">` the server writes into the page (the language of
 * the moment), the language this origin last used (the desktop app's windows have no meta),
 * then English.
 */
export const LANGUAGES = ['en', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'twostep.lang';

export function asLanguage(value: string | null | undefined): Language | null {
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

/** `?lang=` of the address this page was opened with, if any (a Create link carries one). */
export function languageInAddress(): Language | null {
  return asLanguage(new URLSearchParams(window.location.search).get('lang'));
}

export function detectLanguage(): Language {
  const fromMeta = asLanguage(document.querySelector<HTMLMetaElement>('meta[name="twostep-lang"]')?.content);
  return languageInAddress() ?? fromMeta ?? storedLanguage() ?? 'en';
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

/** Kept for this origin's next page (the desktop app's windows start from it). */
export function rememberLanguage(lang: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered, but still applied to this page.
  }
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

/**
 * How far the presenter clock runs ahead, in days, hours and minutes (each only when not zero):
 * "1 day, 10 minutes" / "1 日 10 分", shorter units for the menu bar ("1 day, 10 min").
 */
export function formatAhead(ms: number, display: 'long' | 'short' = 'long'): string {
  const lang = currentLanguage();
  const total = Math.round(ms / 60_000);
  const parts: [number, string][] = [
    [Math.floor(total / 1440), 'day'],
    [Math.floor((total % 1440) / 60), 'hour'],
    [total % 60, 'minute'],
  ];
  const shown = parts.filter(([value]) => value > 0);
  const words = (shown.length > 0 ? shown : [[0, 'minute'] as [number, string]]).map(([value, unit]) =>
    new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: display }).format(value),
  );
  return new Intl.ListFormat(lang, { type: 'unit', style: 'long' }).format(words);
}

/** A duration to wait, in whole seconds under two minutes, else in whole minutes (rounded up). */
export function formatWait(seconds: number): string {
  const [value, unit] = seconds < 120 ? [Math.max(1, Math.ceil(seconds)), 'second'] : [Math.ceil(seconds / 60), 'minute'];
  return new Intl.NumberFormat(currentLanguage(), { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}
