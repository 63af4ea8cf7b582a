import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../i18n/index.js';
import { LanguageSwitch } from '../shared/LanguageSwitch.js';
import { ActivitySection } from './components/ActivitySection.js';
import { PresenterSection } from './components/PresenterSection.js';
import { MailServersSection } from './components/MailServersSection.js';
import { PlacesSection } from './components/PlacesSection.js';
import { ScenariosSection } from './components/ScenariosSection.js';
import { SessionsSection } from './components/SessionsSection.js';
import { ThenAndNowSection } from './components/ThenAndNowSection.js';
import { TourPanel } from './components/TourPanel.js';
import { WindowsSection } from './components/WindowsSection.js';
import { connect } from './connect.js';
import { useControl } from './store.js';

/** TwoStep's main window (the desktop app, browser mode's /control): the control center as a page. */
export function ControlApp() {
  const { t } = useTranslation();
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
        <LoadError />
        <ControlSections layout="page" />
      </main>
    </>
  );
}

/**
 * Why the control center shows nothing: TwoStep could not be reached. A page that says so about
 * the launch key itself already (the stage) leaves that case out (`launchKeySaid`).
 */
export function LoadError({ launchKeySaid = false }: { launchKeySaid?: boolean }) {
  const { t } = useTranslation();
  const loadError = useControl((s) => s.loadError);
  if (!loadError || (launchKeySaid && loadError.code === 'LAUNCH_KEY_REQUIRED')) return null;
  return (
    <p role="alert" className="form-error layout__error">
      {t('control.loadError', { message: errorMessage(loadError) })}
    </p>
  );
}

/**
 * The control center's sections, connected to TwoStep: windows, who is signed in where,
 * scenarios, activity, the mail servers, the presenter's tools and the tour. On its page they sit in two columns;
 * in the stage's panel, in one, the tour first (`presenterTools` adds the stage's own).
 */
export function ControlSections({ layout, presenterTools }: { layout: 'page' | 'panel'; presenterTools?: ReactNode }) {
  useEffect(() => connect(), []);
  const presenter = <PresenterSection>{presenterTools}</PresenterSection>;
  const sections = (
    <>
      <WindowsSection />
      <PlacesSection />
      <ThenAndNowSection />
      <SessionsSection />
      <ScenariosSection />
      <ActivitySection />
      <MailServersSection />
    </>
  );
  if (layout === 'panel') {
    return (
      <div className="control-panel__sections">
        <TourPanel />
        {presenter}
        {sections}
      </div>
    );
  }
  return (
    <>
      <div className="layout__main">{sections}</div>
      <div className="layout__side">
        <TourPanel />
        {presenter}
      </div>
    </>
  );
}
