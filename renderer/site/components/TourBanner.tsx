import { useTranslation } from 'react-i18next';
import { tourPosition } from '../../../preload/contract/presenter.js';
import { useSitePresenter } from '../presenter.js';
import { useSite } from '../store.js';
import { Link } from './Link.js';

/** Steps that happen under Password and Security: the banner links there. */
const ON_SECURITY_PAGE = new Set(['mail', 'revoke']);

/**
 * A small banner while the presenter runs the guided tour on the stage: which step of how many,
 * and what to do — so the audience following in this tab knows where the presenter is. Under
 * Password and Security, it points there.
 */
export function TourBanner() {
  const { t } = useTranslation();
  const tour = useSitePresenter((s) => s.tour);
  const signedIn = useSite((s) => s.status === 'signed-in');
  if (!tour) return null;
  const { n, total } = tourPosition(tour.step);
  return (
    <aside className="tour-banner" aria-label={t('tour.heading')}>
      <div className="tour-banner__inner">
        <p className="tour-banner__progress">{t('tour.progress', { n, total })}</p>
        {tour.completed ? (
          <p className="tour-banner__title">{t('tour.completedTitle')}</p>
        ) : (
          <>
            <p className="tour-banner__title">{t(`tour.steps.${tour.step}.title`)}</p>
            <p className="tour-banner__text">{t(`tour.steps.${tour.step}.text`)}</p>
            {signedIn && ON_SECURITY_PAGE.has(tour.step) && (
              <p className="tour-banner__link">
                <Link to="/account/security">{t('tour.goToSecurity')}</Link>
              </p>
            )}
          </>
        )}
      </div>
    </aside>
  );
}
