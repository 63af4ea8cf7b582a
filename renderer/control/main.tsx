import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { followLanguageChanges, initI18n } from '../i18n/index.js';
import '../shared/base.css';
import './control.css';
import { ControlApp } from './ControlApp.js';

initI18n('control.title');
// A language chosen in another TwoStep window (browser mode) applies here too.
followLanguageChanges();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ControlApp />
  </StrictMode>,
);
