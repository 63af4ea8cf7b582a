import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from '../i18n/index.js';
import { LaunchKeyNotice } from '../shared/LaunchKeyNotice.js';
import { connectPresenter } from '../shared/presenter.js';
import '../shared/base.css';
import '../client-apps/mac/mac.css';
import '../client-apps/client-apps.css';
import './mail.css';
import { MailApp } from './MailApp.js';

// One language for every page, a Reset & restart puts the window back: both come from the presenter state.
initI18n('mailApp.name');
connectPresenter();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LaunchKeyNotice />
    <MailApp />
  </StrictMode>,
);
