import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../i18n/index.js';
import { LanguageSwitch } from '../shared/LanguageSwitch.js';
import { ActivitySection } from './components/ActivitySection.js';
import { MailServersSection } from './components/MailServersSection.js';
import { ScenariosSection } from './components/ScenariosSection.js';
import { SessionsSection } from './components/SessionsSection.js';
import { TourPanel } from './components/TourPanel.js';
import { WindowsSection } from './components/WindowsSection.js';
import { connect } from './connect.js';
import { useControl } from './store.js';

/** TwoStep's main window: windows, who is signed in where, activity, scenarios, the tour. */
export function ControlApp() {
  const { t } = useTranslation();
  const loadError = useControl((s) => s.loadError);

  useEffect(() => connect(), []);

  return (
    <>
      <header className="masthead">
        <div className="masthead__brand">
          <span className="masthead__logo" aria-hidden="true" />
          <div>
            <h1 className="masthead__title">{t('control.title')}</h1>
            <p className="masthead__tagline">{t('control.tagline')}</p>
          </div>
        </div>
        <LanguageSwitch />
        <p className="masthead__notice">{t('control.notice')}</p>
      </header>
      <main className="layout">
        {loadError && (
          <p role="alert" className="form-error layout__error">
            {t('control.loadError', { message: errorMessage(loadError) })}
          </p>
        )}
        <div className="layout__main">
          <WindowsSection />
          <SessionsSection />
          <ScenariosSection />
          <ActivitySection />
          <MailServersSection />
        </div>
        <div className="layout__side">
          <TourPanel />
        </div>
      </main>
    </>
  );
}
