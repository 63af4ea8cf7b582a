import { useTranslation } from 'react-i18next';
import { useICloud } from '../store.js';
import { AppView } from './AppView.js';
import { displayName } from '../../shared/display-name.js';

/** Contacts: the owner's own card (My Card), with the trusted phone numbers of the account. */
export function ContactsView() {
  const { t } = useTranslation();
  const home = useICloud((s) => s.home);
  if (!home) return null;
  return (
    <AppView title={t('places.icloudWeb.apps.contacts')} className="icw-contacts">
      <div className="icw-split">
        <div className="icw-split__side">
          <h2 className="icw-split__heading">{t('places.icloudWeb.contacts.all')}</h2>
          <ul className="icw-list">
            <li className="icw-split__item icw-split__item--current">
              {displayName(t, home)} <span className="icw-muted">({t('places.icloudWeb.contacts.myCard')})</span>
            </li>
          </ul>
        </div>
        <article className="icw-split__main icw-card-view" aria-label={displayName(t, home)}>
          <p className="icw-card-view__name">{displayName(t, home)}</p>
          <dl className="icw-facts">
            <dt>{t('places.icloudWeb.contacts.email')}</dt>
            <dd>{home.appleId}</dd>
            <dt>{t('places.icloudWeb.contacts.phone')}</dt>
            {home.phoneNumbers.length > 0 ? home.phoneNumbers.map((n) => <dd key={n}>{n}</dd>) : <dd>{t('places.icloudWeb.contacts.noPhone')}</dd>}
          </dl>
        </article>
      </div>
    </AppView>
  );
}
