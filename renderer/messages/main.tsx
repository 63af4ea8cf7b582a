import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from '../i18n/index.js';
import { LaunchKeyNotice } from '../shared/LaunchKeyNotice.js';
import { connectPresenter } from '../shared/presenter.js';
import '../shared/base.css';
import '../client-apps/mac/mac.css';
import '../client-apps/client-apps.css';
import './messages.css';
import { createClientStore } from '../client-apps/store.js';
import { MessagesApp } from './MessagesApp.js';

// One language for every page, a Reset & restart puts the window back: both come from the presenter state.
initI18n('clientApps.messages.name');
connectPresenter();
// This window's own state (a page of its own holds one window).
const store = createClientStore('messages');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LaunchKeyNotice />
    <MessagesApp store={store} />
  </StrictMode>,
);
