import { useTranslation } from 'react-i18next';
import { useICloud } from '../store.js';
import { AppView } from './AppView.js';

/** Mail: the account's iCloud address, and where its mail is read in this simulation. */
export function MailView() {
  const { t } = useTranslation();
  const home = useICloud((s) => s.home);
  if (!home) return null;
  return (
    <AppView title={t('places.icloudWeb.apps.mail')} className="icw-mail">
      <div className="icw-split">
        <nav className="icw-split__side" aria-label={t('places.icloudWeb.apps.mail')}>
          <span className="icw-split__item icw-split__item--current" aria-current="true">
            {t('places.icloudWeb.mail.inbox')}
          </span>
        </nav>
        <div className="icw-split__main">
          <dl className="icw-facts">
            <dt>{t('places.icloudWeb.mail.address')}</dt>
            <dd>{home.appleId}</dd>
          </dl>
          <p>{t('places.icloudWeb.mail.noMessages')}</p>
          <p className="icw-muted">{t('places.icloudWeb.mail.where')}</p>
        </div>
      </div>
    </AppView>
  );
}
