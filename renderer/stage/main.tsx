import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from '../i18n/index.js';
import { LaunchKeyNotice } from '../shared/LaunchKeyNotice.js';
import { scaleLargeTypeMyself } from '../shared/large-type.js';
import { connectPresenter } from '../shared/presenter.js';
import '../shared/base.css';
import '../client-apps/mac/mac.css';
import '../client-apps/client-apps.css';
import '../messages/messages.css';
import '../facetime/facetime.css';
import '../icloud/icloud.css';
import '../mail/mail.css';
import '../device/device.css';
import '../control/control.css';
import './stage.css';
import { StageApp } from './StageApp.js';

initI18n('stage.title');
// Large type scales the stage's slide, menu bar and panel (slide-fit.ts), not the page.
scaleLargeTypeMyself();
// One language for every page of both origins, the presenter clock, and Reset & restart.
connectPresenter();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LaunchKeyNotice />
    <StageApp />
  </StrictMode>,
);
