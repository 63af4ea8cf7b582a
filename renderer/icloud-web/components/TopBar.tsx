import { useTranslation } from 'react-i18next';
import { ICLOUD_WEB_ROUTES } from '../../../preload/contract/place-routes.js';
import { Link } from '../../site/components/Link.js';
import { useICloud } from '../store.js';
import { APP_OF_PATH } from './apps.js';
import { displayName } from '../../shared/display-name.js';

/** The bar of every signed-in page: iCloud (home), the app open now, and the account's name with Sign Out. */
export function TopBar({ path }: { path: string }) {
  const { t } = useTranslation();
  const home = useICloud((s) => s.home);
  const signOut = useICloud((s) => s.signOut);
  const app = APP_OF_PATH[path];
  return (
    <header className="icw-bar">
      <nav className="icw-bar__inner" aria-label={t('places.icloudWeb.appsLabel')}>
        <Link to={ICLOUD_WEB_ROUTES.home} className="icw-bar__brand" aria-current={path === ICLOUD_WEB_ROUTES.home ? 'page' : undefined}>
          {t('places.icloudWeb.brand')}
        </Link>
        {app && <span className="icw-bar__app">{t(`places.icloudWeb.apps.${app}`)}</span>}
        <span className="icw-bar__spacer" />
        <span className="icw-bar__name">{home ? displayName(t, home) : ''}</span>
        <button type="button" className="icw-bar__signout" onClick={() => void signOut()}>
          {t('places.icloudWeb.signOut')}
        </button>
      </nav>
    </header>
  );
}
