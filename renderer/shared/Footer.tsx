import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch.js';

/** On every page: the plain statement that this is a simulation, and the language switch. */
export function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="page-footer">
      <p className="page-footer__notice">{t('footer.notice')}</p>
      <LanguageSwitch />
    </footer>
  );
}
