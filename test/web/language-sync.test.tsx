// @vitest-environment happy-dom
import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { initI18n } from '../../renderer/i18n/index.js';
import { chooseLanguage, connectLanguage, followLanguage } from '../../renderer/i18n/language-sync.js';

/** One language for every page: a page's choice goes to TwoStep; TwoStep's pushes are followed. */

afterEach(() => {
  connectLanguage(() => Promise.resolve());
  window.history.replaceState(null, '', '/');
});

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('language sync', () => {
  it('the switch changes this page at once and tells TwoStep; a push of the other language meanwhile is an older one and is not followed', async () => {
    initI18n('app.siteTitle', 'en');
    const told: string[] = [];
    const answer = deferred();
    connectLanguage((lang) => {
      told.push(lang);
      return answer.promise;
    });
    chooseLanguage('ja');
    expect(i18next.language).toBe('ja');
    expect(told).toEqual(['ja']);
    expect(window.localStorage.getItem('twostep.lang')).toBe('ja');

    followLanguage('en');
    expect(i18next.language).toBe('ja');

    answer.resolve();
    await answer.promise;
    await Promise.resolve();
    followLanguage('en');
    expect(i18next.language).toBe('en');
  });

  it('a language asked for in the address (a Create link) is a choice: TwoStep is told as soon as the page connects', () => {
    window.history.replaceState(null, '', '/account/app-passwords/new?label=x&lang=ja');
    initI18n('app.siteTitle');
    expect(i18next.language).toBe('ja');
    const told: string[] = [];
    connectLanguage((lang) => (told.push(lang), Promise.resolve()));
    expect(told).toEqual(['ja']);
  });

  it('the page starts in the language the server wrote into it, before one remembered from earlier', () => {
    window.localStorage.setItem('twostep.lang', 'en');
    const meta = document.createElement('meta');
    meta.name = 'twostep-lang';
    meta.content = 'ja';
    document.head.appendChild(meta);
    initI18n('app.siteTitle');
    expect(i18next.language).toBe('ja');
    meta.remove();
  });
});
