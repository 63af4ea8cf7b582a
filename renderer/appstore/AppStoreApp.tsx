import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PushedServiceEvent } from '../shared/app-api.js';
import { onServiceEvent } from '../shared/app-api.js';
import { onRestart } from '../shared/presenter.js';
import { errorMessage } from '../i18n/index.js';
import { Window } from '../client-apps/mac/Window.js';
import { Sheets } from './components/Sheets.js';
import { Categories, Featured, Purchased, TopCharts, Updates } from './components/Sections.js';
import { Toolbar } from './components/Toolbar.js';
import { AppStoreContext, useAppStore, type AppStoreStore } from './store.js';

function isStoreChange(event: PushedServiceEvent): boolean {
  return event.type === 'places-changed' && event.what === 'app-store';
}

/**
 * The Mac App Store of OS X 10.10 on this Mac (issue 19), as a page of its own or a window of
 * the stage; `store` is this window's own. It follows the store's changes made elsewhere (a New
 * Mac, a password change, Reset & restart) as they happen.
 */
export function AppStoreApp({ store }: { store: AppStoreStore }) {
  useEffect(() => {
    return onServiceEvent(
      (event) => {
        if (isStoreChange(event)) void store.getState().load();
      },
      () => void store.getState().load(),
    );
  }, [store]);
  useEffect(
    () =>
      onRestart(() => {
        store.setState(store.getInitialState(), true);
        void store.getState().load();
      }),
    [store],
  );
  return (
    <AppStoreContext value={store}>
      <StoreWindow />
    </AppStoreContext>
  );
}

function StoreWindow() {
  const { t } = useTranslation();
  const panelId = `store-panel${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const section = useAppStore((s) => s.section);
  const loadError = useAppStore((s) => s.loadError);
  const error = useAppStore((s) => s.error);
  const sheet = useAppStore((s) => s.sheet);
  return (
    <Window title={t('places.appStore.name')} toolbar={<Toolbar panelId={panelId} />} className="appstore">
      <div id={panelId} className="store-panel" role="tabpanel" aria-labelledby={`${panelId}-${section}`}>
        {loadError && (
          <p role="alert" className="client-alert">
            {errorMessage(loadError)}
          </p>
        )}
        {error && !sheet && (
          <p role="alert" className="client-alert">
            {errorMessage(error)}
          </p>
        )}
        {section === 'featured' && <Featured />}
        {section === 'topCharts' && <TopCharts />}
        {section === 'categories' && <Categories />}
        {section === 'purchased' && <Purchased />}
        {section === 'updates' && <Updates />}
      </div>
      <Sheets />
    </Window>
  );
}
