import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from '../i18n/index.js';
import { connectPresenter } from '../shared/presenter.js';
import '../shared/base.css';
import './control.css';
import { ControlApp } from './ControlApp.js';

initI18n('control.title');
// One language for every page of both origins, the presenter clock, and Reset & restart.
connectPresenter();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ControlApp />
  </StrictMode>,
);
