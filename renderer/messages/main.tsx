import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from '../i18n/index.js';
import '../shared/base.css';
import '../client-apps/mac/mac.css';
import '../client-apps/client-apps.css';
import './messages.css';
import { MessagesApp } from './MessagesApp.js';

// The language follows the control center's switch live (ClientAppRoot listens).
initI18n('clientApps.messages.name');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MessagesApp />
  </StrictMode>,
);
