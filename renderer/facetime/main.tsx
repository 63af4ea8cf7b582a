import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from '../i18n/index.js';
import { LaunchKeyNotice } from '../shared/LaunchKeyNotice.js';
import { connectPresenter } from '../shared/presenter.js';
import '../shared/base.css';
import '../client-apps/mac/mac.css';
import '../client-apps/client-apps.css';
import './facetime.css';
import { createClientStore } from '../client-apps/store.js';
import { FaceTimeApp } from './FaceTimeApp.js';

// One language for every page, a Reset & restart puts the window back: both come from the presenter state.
initI18n('clientApps.facetime.name');
connectPresenter();
// This window's own state (a page of its own holds one window).
const store = createClientStore('facetime');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LaunchKeyNotice />
    <FaceTimeApp store={store} />
  </StrictMode>,
);
