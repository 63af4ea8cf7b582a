import i18next from 'i18next';
import { currentLanguage, languageInAddress, rememberLanguage, type Language } from './index.js';

/**
 * One language for every page of both origins: it is a setting of the running TwoStep. A page's
 * switch tells TwoStep (the sink: the windows' contract, or the account site's), and TwoStep
 * pushes the language to every page (`followLanguage`), this one included.
 *
 * While this page's own choice is on its way, a push of another language is an older one that
 * crossed it, and is not followed: the switch never flickers back.
 */
type Sink = (lang: Language) => Promise<unknown>;

let sink: Sink | null = null;
let pending: Language | null = null;
let sent = 0;

function apply(lang: Language): void {
  rememberLanguage(lang);
  if (currentLanguage() !== lang) void i18next.changeLanguage(lang);
}

function tell(lang: Language): void {
  if (!sink) return;
  const mine = ++sent;
  pending = lang;
  sink(lang)
    .catch(() => {
      // TwoStep unreachable: this page keeps the language chosen; the next push sets it right.
    })
    .finally(() => {
      if (sent === mine) pending = null;
    });
}

/**
 * How this page tells TwoStep a language was chosen. A language asked for in the address
 * (`?lang=`, as a Create link sends it) is a choice too: it is told now.
 */
export function connectLanguage(next: Sink): void {
  sink = next;
  const asked = languageInAddress();
  if (asked) tell(asked);
}

/** The language switch: this page at once, then every other page through TwoStep. */
export function chooseLanguage(lang: Language): void {
  // `?lang=` dropped, so a reload keeps the language chosen since.
  const url = new URL(window.location.href);
  if (url.searchParams.has('lang')) {
    url.searchParams.delete('lang');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  }
  apply(lang);
  tell(lang);
}

/** TwoStep's language, as its event stream or the presenter state says it. */
export function followLanguage(lang: Language): void {
  if (pending !== null && pending !== lang) return;
  apply(lang);
}
