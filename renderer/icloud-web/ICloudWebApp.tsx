import { useEffect, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { ICLOUD_WEB_ROUTES, isICloudWebPath } from '../../preload/contract/place-routes.js';
import { normalizeSitePath } from '../../preload/contract/site-routes.js';
import { Footer } from '../shared/Footer.js';
import { useLocation } from '../site/router.js';
import { CalendarView } from './components/CalendarView.js';
import { ContactsView } from './components/ContactsView.js';
import { FindView } from './components/FindView.js';
import { Home } from './components/Home.js';
import { MailView } from './components/MailView.js';
import { NotFound } from './components/NotFound.js';
import { SettingsView } from './components/SettingsView.js';
import { SignIn } from './components/SignIn.js';
import { TopBar } from './components/TopBar.js';
import { Verify } from './components/Verify.js';
import { useICloud } from './store.js';

const APPS: Record<string, () => JSX.Element | null> = {
  [ICLOUD_WEB_ROUTES.home]: Home,
  [ICLOUD_WEB_ROUTES.mail]: MailView,
  [ICLOUD_WEB_ROUTES.contacts]: ContactsView,
  [ICLOUD_WEB_ROUTES.calendar]: CalendarView,
  [ICLOUD_WEB_ROUTES.find]: FindView,
  [ICLOUD_WEB_ROUTES.settings]: SettingsView,
};

/**
 * iCloud.com of 2015, drawn by TwoStep (no Apple artwork): the sign-in (with "Keep me signed
 * in"), two-step verification's code, then the home page's app tiles; each app a read-only view
 * of the account at its own address. Whatever the address, a browser not signed in signs in
 * first, then sees the app it asked for.
 */
export function ICloudWebApp() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const status = useICloud((s) => s.status);
  const challenge = useICloud((s) => s.challenge);
  const load = useICloud((s) => s.load);
  const path = normalizeSitePath(pathname);

  useEffect(() => {
    void load();
    // Back to this tab (another may have signed out of all browsers, the control center ended
    // the session): the session is read again, so the page never shows what it no longer has.
    const again = () => {
      if (document.visibilityState === 'visible') void load();
    };
    document.addEventListener('visibilitychange', again);
    window.addEventListener('focus', again);
    return () => {
      document.removeEventListener('visibilitychange', again);
      window.removeEventListener('focus', again);
    };
  }, [load]);

  // A screen reader hears where it is: the new view's heading takes the focus.
  useEffect(() => {
    document.getElementById('icw-title')?.focus({ preventScroll: true });
  }, [path, status, challenge]);

  const View = APPS[path];
  let content: JSX.Element;
  if (status === 'loading') {
    content = (
      <p className="icw-loading" role="status">
        {t('places.icloudWeb.loading')}
      </p>
    );
  } else if (!isICloudWebPath(path) || !View) {
    content = <NotFound />;
  } else if (status === 'signed-out') {
    content = challenge ? <Verify challenge={challenge} /> : <SignIn />;
  } else {
    content = <View />;
  }
  return (
    <div className={`icw${status === 'signed-in' ? ' icw--signed-in' : ''}`}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      {status === 'signed-in' && <TopBar path={path} />}
      <main id="main" className="icw-main" tabIndex={-1}>
        {content}
      </main>
      <Footer />
    </div>
  );
}
