import { useEffect, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { AccountPage } from './components/AccountPage.js';
import { ChangePasswordPage } from './components/ChangePasswordPage.js';
import { GeneratePage } from './components/GeneratePage.js';
import { HistoryPage } from './components/HistoryPage.js';
import { focusStep, Layout } from './components/Layout.js';
import { NotFoundPage } from './components/NotFoundPage.js';
import { SecurityPage } from './components/SecurityPage.js';
import { SignInPage } from './components/SignInPage.js';
import { AccountRecoveryPage } from './components/AccountRecoveryPage.js';
import { UnlockPage } from './components/UnlockPage.js';
import { isSitePath, SITE_ROUTES } from '../../preload/contract/site-routes.js';
import { SupportPage } from './support/SupportPage.js';
import { navigate, useLocation } from './router.js';
import { isProtectedPath, useSite } from './store.js';

const ACCOUNT_ROUTES: Record<string, () => JSX.Element | null> = {
  '/account': AccountPage,
  '/account/security': SecurityPage,
  '/account/app-passwords': HistoryPage,
  '/account/app-passwords/new': GeneratePage,
  '/account/password': ChangePasswordPage,
};

/**
 * Routes of My Apple ID. A page under /account needs a session: without one, the address is
 * remembered and the user signs in (and verifies) first, then lands back on it.
 */
export function App() {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const status = useSite((s) => s.status);
  const loadSession = useSite((s) => s.loadSession);
  const rememberReturn = useSite((s) => s.rememberReturn);
  const path = pathname.replace(/\/+$/, '') || '/';

  useEffect(() => {
    void loadSession();
  }, [loadSession]);

  const AccountRoute = ACCOUNT_ROUTES[path];
  // An address the site does not have is said to be so (the server answered it with 404).
  const known = isSitePath(path);
  // Pages with no My Apple ID session of their own: unlocking, and support (its own session).
  const ownSession = path === '/unlock' || path === SITE_ROUTES.accountRecovery || path === SITE_ROUTES.support;
  const target =
    status === 'loading' || ownSession || !known
      ? null
      : status === 'signed-out'
        ? path === '/sign-in'
          ? null
          : '/sign-in'
        : path === '/sign-in' || !AccountRoute
          ? '/account'
          : null;

  useEffect(() => {
    if (!target) return;
    if (status === 'signed-out' && isProtectedPath(path)) rememberReturn(path + search);
    navigate(target, { replace: true });
  }, [target, status, path, search, rememberReturn]);

  // A new page: the keyboard on its first field (or default action, or heading), so Enter goes on.
  useEffect(() => {
    focusStep();
  }, [path, status]);

  let page: JSX.Element;
  if ((status === 'loading' && path !== SITE_ROUTES.support) || target) {
    page = (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  } else if (!known) {
    page = <NotFoundPage />;
  } else if (path === '/unlock') {
    page = <UnlockPage />;
  } else if (path === SITE_ROUTES.accountRecovery) {
    page = <AccountRecoveryPage />;
  } else if (path === SITE_ROUTES.support) {
    page = <SupportPage />;
  } else if (path === '/sign-in' || !AccountRoute) {
    page = <SignInPage />;
  } else {
    page = <AccountRoute />;
  }
  return <Layout>{page}</Layout>;
}
