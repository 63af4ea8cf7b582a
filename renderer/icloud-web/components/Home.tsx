import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/index.js';
import { Link } from '../../site/components/Link.js';
import { useICloud } from '../store.js';
import { AppTileIcon } from './AppTileIcon.js';
import { ICLOUD_WEB_APPS, PATH_OF_APP } from './apps.js';
import { givenName } from '../../shared/display-name.js';

/** iCloud.com's home: a greeting, the app tiles, and how long this browser stays signed in. */
export function Home() {
  const { t } = useTranslation();
  const home = useICloud((s) => s.home);
  if (!home) return null;
  return (
    <section className="icw-home" aria-labelledby="icw-title">
      <h1 id="icw-title" className="icw-home__greeting" tabIndex={-1}>
        {t('places.icloudWeb.greeting', { name: givenName(t, home) })}
      </h1>
      <ul className="icw-tiles" aria-label={t('places.icloudWeb.appsLabel')}>
        {ICLOUD_WEB_APPS.map((app) => (
          <li key={app} className="icw-tiles__item">
            <Link to={PATH_OF_APP[app]} className="icw-tiles__link">
              <AppTileIcon app={app} />
              <span className="icw-tiles__name">{t(`places.icloudWeb.apps.${app}`)}</span>
            </Link>
          </li>
        ))}
      </ul>
      <p className="icw-home__session" role="note">
        {home.session.keepSignedIn ? t('places.icloudWeb.keptUntil', { date: formatDateTime(home.session.expiresAt) }) : t('places.icloudWeb.notKept')}
      </p>
    </section>
  );
}
