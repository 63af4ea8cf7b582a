import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import i18next from 'i18next';
import { initI18n } from '../i18n/index.js';
import '../shared/base.css';
import './icloud-web.css';
import '../shared/trust-browser.css';
import { ICloudWebApp } from './ICloudWebApp.js';
import { connectICloudPresenter } from './presenter.js';
import { syncLocation } from '../site/router.js';

initI18n('places.icloudWeb.pageTitle');
i18next.on('languageChanged', syncLocation);
// One language for every page, and Reset & restart: from the running TwoStep.
connectICloudPresenter();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ICloudWebApp />
  </StrictMode>,
);
