import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from '../i18n/index.js';
import { LaunchKeyNotice } from '../shared/LaunchKeyNotice.js';
import '../shared/base.css';
import '../client-apps/mac/mac.css';
import '../client-apps/client-apps.css';
import './mail.css';
import { MailApp } from './MailApp.js';

// The language follows the control center's switch live (MailApp listens).
initI18n('mailApp.name');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LaunchKeyNotice />
    <MailApp />
  </StrictMode>,
);
