import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import i18next from 'i18next';
import { initI18n } from '../i18n/index.js';
import '../shared/base.css';
import './site.css';
import './support/support.css';
import '../shared/trust-browser.css';
import { App } from './App.js';
import { connectSitePresenter } from './presenter.js';
import { syncLocation } from './router.js';

initI18n('app.siteTitle');
// The language switch drops `?lang=` from the address; let the router see the new address.
i18next.on('languageChanged', syncLocation);
// One language for every page, the tour's banner, Reset & restart, Create reusing this tab.
connectSitePresenter();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
