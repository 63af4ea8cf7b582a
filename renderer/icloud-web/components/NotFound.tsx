import { useTranslation } from 'react-i18next';
import { ICLOUD_WEB_ROUTES } from '../../../preload/contract/place-routes.js';
import { Link } from '../../site/components/Link.js';

/** An address iCloud.com does not have (the server answered it with 404). */
export function NotFound() {
  const { t } = useTranslation();
  return (
    <section className="icw-card" aria-labelledby="icw-title">
      <h1 id="icw-title" className="icw-card__title" tabIndex={-1}>
        {t('notFound.title')}
      </h1>
      <p className="icw-card__lead">{t('places.icloudWeb.notFound')}</p>
      <Link to={ICLOUD_WEB_ROUTES.home} className="icw-link">
        {t('places.icloudWeb.back')}
      </Link>
    </section>
  );
}
