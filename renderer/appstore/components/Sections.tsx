import { useTranslation } from 'react-i18next';
import { APP_STORE_APPS, type AppStoreApp } from '../../../preload/contract/app-store-catalog.js';
import { formatDateTime } from '../../i18n/index.js';
import { useAppStore, useAppStoreApi } from '../store.js';
import { AppArt } from './AppArt.js';
import { GetButton } from './GetButton.js';

function useAppName() {
  const { t } = useTranslation();
  return (app: AppStoreApp) => t(`places.appStore.apps.${app.id}.name`);
}

/** One app as a tile of the Featured grid: icon, name, category, and its button. */
function AppTile({ app }: { app: AppStoreApp }) {
  const { t } = useTranslation();
  const name = useAppName()(app);
  return (
    <li className="store-tile">
      <AppArt appId={app.id} />
      <p className="store-tile__name">{name}</p>
      <p className="store-tile__category">{t(`places.appStore.categories.${app.category}`)}</p>
      <p className="store-tile__blurb">{t(`places.appStore.apps.${app.id}.blurb`)}</p>
      <p className="store-tile__meta">
        {t('places.appStore.by', { developer: app.developer })} · {t('places.appStore.size', { size: app.sizeMb })}
      </p>
      <GetButton appId={app.id} name={name} />
    </li>
  );
}

/** Featured: the catalogue as a grid, and the Quick Links (the account, sign in or out). */
export function Featured() {
  const { t } = useTranslation();
  return (
    <div className="store-featured">
      <section className="store-featured__main" aria-labelledby="store-featured-title">
        <h2 id="store-featured-title" className="store-section-title">
          {t('places.appStore.featuredTitle')}
        </h2>
        <ul className="store-grid">
          {APP_STORE_APPS.map((app) => (
            <AppTile key={app.id} app={app} />
          ))}
        </ul>
        <p className="store-fictional">{t('places.appStore.fictional')}</p>
      </section>
      <QuickLinks />
    </div>
  );
}

function QuickLinks() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const signedIn = useAppStore((s) => s.view?.signedIn ?? null);
  const macTrusted = useAppStore((s) => s.view?.macTrusted ?? false);
  const busy = useAppStore((s) => s.busy);
  return (
    <aside className="store-links" aria-labelledby="store-links-title">
      <h2 id="store-links-title" className="store-links__title">
        {t('places.appStore.quickLinks')}
      </h2>
      {signedIn ? (
        <>
          <p className="store-links__account">{t('places.appStore.signedInAs', { appleId: signedIn.appleId })}</p>
          <p className="store-links__note">{macTrusted ? t('places.appStore.thisMacTrusted') : t('places.appStore.thisMacNew')}</p>
          <button type="button" className="store-link" disabled={busy} onClick={() => void store.getState().signOut()}>
            {t('places.appStore.signOutLink')}
          </button>
        </>
      ) : (
        <button type="button" className="store-link" onClick={() => store.getState().openSignIn()}>
          {t('places.appStore.signInLink')}
        </button>
      )}
    </aside>
  );
}

/** Top Charts: the catalogue ranked (by name: the catalogue has no downloads to rank by). */
export function TopCharts() {
  const { t } = useTranslation();
  const nameOf = useAppName();
  const ranked = [...APP_STORE_APPS].sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  return (
    <section aria-labelledby="store-top-title">
      <h2 id="store-top-title" className="store-section-title">
        {t('places.appStore.topChartsTitle')}
      </h2>
      <ol className="store-rows">
        {ranked.map((app, index) => (
          <li key={app.id} className="store-row">
            <span className="store-row__rank">{index + 1}</span>
            <AppArt appId={app.id} size="small" />
            <span className="store-row__text">
              <span className="store-row__name">{nameOf(app)}</span>
              <span className="store-row__sub">{t(`places.appStore.categories.${app.category}`)}</span>
            </span>
            <GetButton appId={app.id} name={nameOf(app)} />
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Categories: each of the catalogue's, with its apps. */
export function Categories() {
  const { t } = useTranslation();
  const nameOf = useAppName();
  return (
    <section aria-labelledby="store-categories-title">
      <h2 id="store-categories-title" className="store-section-title">
        {t('places.appStore.categoriesTitle')}
      </h2>
      <ul className="store-categories">
        {APP_STORE_APPS.map((app) => (
          <li key={app.id} className="store-category">
            <h3 className="store-category__name">{t(`places.appStore.categories.${app.category}`)}</h3>
            <span className="store-row">
              <AppArt appId={app.id} size="small" />
              <span className="store-row__text">
                <span className="store-row__name">{nameOf(app)}</span>
              </span>
              <GetButton appId={app.id} name={nameOf(app)} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Purchased: what the signed-in Apple ID got, newest first; Install where it is not on this Mac. */
export function Purchased() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const nameOf = useAppName();
  const signedIn = useAppStore((s) => s.view?.signedIn ?? null);
  const purchases = useAppStore((s) => s.view?.purchases ?? []);
  return (
    <section aria-labelledby="store-purchased-title">
      <h2 id="store-purchased-title" className="store-section-title">
        {t('places.appStore.purchasedTitle')}
      </h2>
      {!signedIn ? (
        <div className="store-empty">
          <p>{t('places.appStore.purchasedSignedOut')}</p>
          <button type="button" className="store-link" onClick={() => store.getState().openSignIn()}>
            {t('places.appStore.signInLink')}
          </button>
        </div>
      ) : purchases.length === 0 ? (
        <p className="store-empty">{t('places.appStore.purchasedEmpty')}</p>
      ) : (
        <ul className="store-rows" aria-label={t('places.appStore.purchasedTitle')}>
          {purchases.map((p) => {
            const app = APP_STORE_APPS.find((a) => a.id === p.appId);
            if (!app) return null;
            return (
              <li key={p.appId} className="store-row">
                <AppArt appId={app.id} size="small" />
                <span className="store-row__text">
                  <span className="store-row__name">{nameOf(app)}</span>
                  <span className="store-row__sub">{t('places.appStore.purchasedOn', { date: formatDateTime(p.purchasedAt) })}</span>
                </span>
                <GetButton appId={app.id} name={nameOf(app)} />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** Updates: the made-up apps never change, so there are none. */
export function Updates() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="store-updates-title">
      <h2 id="store-updates-title" className="store-section-title">
        {t('places.appStore.toolbar.updates')}
      </h2>
      <p className="store-empty">{t('places.appStore.updatesEmpty')}</p>
    </section>
  );
}
