import { useTranslation } from 'react-i18next';
import { Card } from './Layout.js';
import { Link } from './Link.js';

/** An address My Apple ID does not have. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Card title={t('notFound.title')} focusOnMount>
      <p className="card__lead">{t('notFound.body')}</p>
      <p>
        <Link to="/account">{t('notFound.home')}</Link>
      </p>
    </Card>
  );
}
