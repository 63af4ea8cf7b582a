import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from '../i18n/index.js';
import { LaunchKeyNotice } from '../shared/LaunchKeyNotice.js';
import { connectPresenter } from '../shared/presenter.js';
import '../shared/base.css';
import '../client-apps/mac/mac.css';
import '../client-apps/client-apps.css';
import '../icloud/icloud.css';
import './appstore.css';
import { AppStoreApp } from './AppStoreApp.js';
import { createAppStoreStore } from './store.js';

// One language for every page, a Reset & restart puts the window back: both come from the presenter state.
initI18n('places.appStore.name');
connectPresenter();
// This window's own state (a page of its own holds one window).
const store = createAppStoreStore();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LaunchKeyNotice />
    <AppStoreApp store={store} />
  </StrictMode>,
);
