import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../i18n/index.js';
import { chooseLanguage } from '../i18n/language-sync.js';

const NAMES: Record<Language, string> = { ja: '日本語', en: 'English' };

/** 日本語 / English: each name written in its own language, so either reader finds theirs. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.resolvedLanguage ?? i18n.language;
  return (
    <div className="lang-switch" role="group" aria-label={t('language.label')}>
      {[...LANGUAGES].reverse().map((lang, index) => (
        <span key={lang}>
          {index > 0 && <span className="lang-switch__sep" aria-hidden="true"> / </span>}
          <button type="button" lang={lang} className="lang-switch__button" aria-pressed={current === lang} onClick={() => chooseLanguage(lang)}>
            {NAMES[lang]}
          </button>
        </span>
      ))}
    </div>
  );
}
